/** Any origin will do: a value is resolved against it only to see whether it stays there. */
const PROBE_ORIGIN = 'https://app.invalid';

/**
 * A path named in the page address (a style, a wall configuration) as the browser would fetch it,
 * or null when it would leave the app's origin. The URL parser decides, not a prefix test: it reads
 * `/\host/x` and `/<tab>/host/x` as `//host/x`, another host.
 */
export function sameOriginPath(value: string | null): string | null {
  if (!value?.startsWith('/')) return null;
  let url: URL;
  try {
    url = new URL(value, `${PROBE_ORIGIN}/`);
  } catch {
    return null;
  }
  return url.origin === PROBE_ORIGIN ? `${url.pathname}${url.search}` : null;
}
