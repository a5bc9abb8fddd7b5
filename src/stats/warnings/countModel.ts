/**
 * The count model of the baselines: how likely a count is when `mean` cases are expected and past
 * windows spread by `variance`. A spread no wider than the mean's is Poisson; a wider one is
 * negative binomial with the same mean and variance (size = mean² / (variance − mean)), the usual
 * model of overdispersed counts. Everything in logs, so large means do not underflow.
 */
export interface CountModel {
  mean: number;
  /** Negative binomial size; Infinity: Poisson. */
  size: number;
}

export function countModel(mean: number, variance: number): CountModel {
  return { mean, size: variance > mean && mean > 0 ? (mean * mean) / (variance - mean) : Infinity };
}

// Lanczos approximation (g = 7, n = 9) of ln Γ(x), accurate to about 15 digits for x > 0.
const LANCZOS = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** ln P(X = x). */
export function logPmf(m: CountModel, x: number): number {
  if (m.mean <= 0) return x === 0 ? 0 : -Infinity;
  if (!Number.isFinite(m.size)) return x * Math.log(m.mean) - m.mean - logGamma(x + 1);
  const { size: k, mean: mu } = m;
  return logGamma(x + k) - logGamma(k) - logGamma(x + 1) + k * Math.log(k / (k + mu)) + x * Math.log(mu / (k + mu));
}

/** P(X ≥ x): how unlikely a count this high is. */
export function upperTail(m: CountModel, x: number): number {
  if (x <= 0) return 1;
  let below = 0;
  for (let i = 0; i < x; i++) below += Math.exp(logPmf(m, i));
  // Summed from the top when the head is nearly everything (1 − 0.9999… loses the digits).
  if (below < 0.999) return Math.max(0, 1 - below);
  let tail = 0;
  for (let i = x; ; i++) {
    const p = Math.exp(logPmf(m, i));
    tail += p;
    if (i > m.mean && p <= tail * 1e-12) break;
  }
  return tail;
}

/** The smallest count whose P(X ≤ count) reaches q. */
export function quantile(m: CountModel, q: number): number {
  let cdf = 0;
  for (let x = 0; ; x++) {
    cdf += Math.exp(logPmf(m, x));
    if (cdf >= q || x > 100 * (m.mean + 10)) return x;
  }
}
