/**
 * Chooses a preset and resolves with the milliseconds until the KPI cards hold figures for the new
 * range in the DOM (a MutationObserver: React's commit), and until the frame after that is drawn.
 * On llvmpipe a 10× map frame takes most of a second, so the second figure is mostly the map's.
 */
export const RANGE_CHANGE = `new Promise((resolve) => {
  const select = document.querySelector('[data-testid=time-preset]');
  const before = document.querySelector('[data-testid=kpi-cards]').getAttribute('data-from');
  const t0 = performance.now();
  const settled = () => {
    const cards = document.querySelector('[data-testid=kpi-cards]');
    return cards && cards.getAttribute('data-from') !== before && cards.getAttribute('data-state') === 'current';
  };
  const observer = new MutationObserver(() => {
    if (!settled()) return;
    observer.disconnect();
    const dom = performance.now() - t0;
    requestAnimationFrame(() => resolve([dom, performance.now() - t0]));
  });
  observer.observe(document.body, { subtree: true, childList: true, attributes: true });
  select.value = 'PRESET';
  select.dispatchEvent(new Event('change', { bubbles: true }));
})`;
