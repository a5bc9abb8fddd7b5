/** Counts features by the calendar year (China time) of an ISO timestamp property; years with none are zero. */
export function countByYear(features: readonly { properties: Record<string, unknown> }[], field: string, years: readonly number[]): { year: number; count: number }[] {
  const counts = new Map(years.map((y) => [y, 0]));
  for (const f of features) {
    const value = f.properties[field];
    if (typeof value !== 'string') continue;
    // The bundled data writes +08:00 times, so the year is the first four characters; other offsets are converted.
    const year = value.endsWith('+08:00') ? Number(value.slice(0, 4)) : new Date(Date.parse(value) + 8 * 3600_000).getUTCFullYear();
    if (counts.has(year)) counts.set(year, counts.get(year)! + 1);
  }
  return years.map((year) => ({ year, count: counts.get(year)! }));
}
