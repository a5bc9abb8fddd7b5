/** Text handed over in pieces cut at the given positions, as a file's reads arrive. */
export async function* textPieces(text: string, cuts: number[]): AsyncGenerator<string> {
  let from = 0;
  for (const cut of cuts) {
    yield text.slice(from, cut);
    from = cut;
  }
  yield text.slice(from);
}
