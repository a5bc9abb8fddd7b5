/** Text cut to `max` characters with an ellipsis: a value from a file is shown, never all of a runaway one. */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** A property value as a table cell: empty for none, JSON for lists and objects, cut to `max`. */
export function cellText(value: unknown, max: number): string {
  return clip(value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value), max);
}
