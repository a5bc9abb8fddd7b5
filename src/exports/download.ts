/** Hands a file to the browser's download (no server round trip: everything is made in the page). */
export function downloadFile(name: string, content: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked after the click has been handled, or the download could find the URL gone.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** District, what, range and the day it was made: 章丘区_镇街统计_2025-01-01_2025-12-31_2026-11-30.csv */
export function exportFileName(parts: { district: string; what: string; firstDay: string; lastDay: string; madeOn: string }, ext: string): string {
  const clean = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '-');
  return `${[parts.district, parts.what, parts.firstDay, parts.lastDay, parts.madeOn].map(clean).join('_')}.${ext}`;
}
