import { describe, expect, it } from 'vitest';
import { countModel, logGamma, quantile, upperTail } from './countModel';

describe('the count model', () => {
  it('ln Γ matches factorials and Γ(1/2) = √π', () => {
    expect(logGamma(1)).toBeCloseTo(0, 12);
    expect(logGamma(11)).toBeCloseTo(Math.log(3_628_800), 10);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
    expect(logGamma(171)).toBeCloseTo(706.5730622457874, 8);
  });

  it('is Poisson when the spread is no wider than the mean', () => {
    const m = countModel(1, 0.8);
    expect(m.size).toBe(Infinity);
    // P(X ≥ 5 | μ = 1) = 1 − e⁻¹ (1 + 1 + 1/2 + 1/6 + 1/24)
    expect(upperTail(m, 5)).toBeCloseTo(1 - Math.exp(-1) * (1 + 1 + 1 / 2 + 1 / 6 + 1 / 24), 12);
    expect(quantile(countModel(10, 10), 0.95)).toBe(15);
    expect(quantile(countModel(10, 10), 0.05)).toBe(5);
  });

  it('is negative binomial with the same mean and variance when the spread is wider', () => {
    const m = countModel(10, 20);
    expect(m.size).toBeCloseTo(10, 12);
    // Summed directly from the pmf's product form: P(X = x) = C(x + k − 1, x) p^k (1 − p)^x with p = k / (k + μ).
    const p = 10 / 20;
    let pmf = p ** 10;
    let below = 0;
    for (let x = 0; x < 25; x++) {
      below += pmf;
      pmf *= ((x + 10) / (x + 1)) * (1 - p);
    }
    expect(upperTail(m, 25)).toBeCloseTo(1 - below, 12);
    expect(upperTail(m, 25)).toBeGreaterThan(upperTail(countModel(10, 10), 25));
  });

  it('keeps its digits far in the tail and for large means', () => {
    const far = upperTail(countModel(2, 2), 30);
    expect(far).toBeGreaterThan(0);
    expect(far).toBeLessThan(1e-20);
    // 1 − Σ₀⁷⁹⁹ e⁻⁸⁰⁰ 800ˣ / x!, summed with Python's math.lgamma.
    expect(upperTail(countModel(800, 800), 800)).toBeCloseTo(0.5047016124217198, 10);
    expect(upperTail(countModel(0, 0), 1)).toBe(0);
    expect(upperTail(countModel(5, 5), 0)).toBe(1);
  });
});
