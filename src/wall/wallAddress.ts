/** Whether the address asks for the wall. */
export function isWallAddress(search: string): boolean {
  const value = new URLSearchParams(search).get('wall');
  return value !== null && value !== '0' && value !== 'false';
}
