/**
 * A path named in the page address (a style, a wall configuration) as the browser would fetch it,
 * or null when it would leave the page's origin. The URL parser decides, not a prefix test: it
 * reads `/\host/x` and `/<tab>/host/x` as `//host/x`, another host.
 */
export function sameOriginPath(value: string | null): string | null {
  if (!value?.startsWith('/')) return null;
  // Outside a browser (tests, the report command) any base will do: only whether the origin changes counts.
  const base = new URL(globalThis.location?.href ?? 'http://localhost/');
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return null;
  }
  return url.origin === base.origin ? `${url.pathname}${url.search}` : null;
}
