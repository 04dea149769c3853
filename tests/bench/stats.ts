/**
 * Small order statistics for the bench. These machines are noisy, so every figure is a median with its
 * spread (10th–90th percentile), never a mean or a single run.
 */

/** The `q` quantile (0–1) of `values`, linearly interpolated; NaN for an empty list. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

/** The median of `values`. @example median([3, 1, 2]) // 2 */
export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** A sample's middle and spread. */
export interface Summary {
  n: number;
  median: number;
  p10: number;
  p90: number;
  p95: number;
  max: number;
}

/**
 * Median, 10th, 90th and 95th percentiles and maximum of a sample.
 * @example summarize([1, 2, 3]).median // 2
 */
export function summarize(values: readonly number[]): Summary {
  return {
    n: values.length,
    median: median(values),
    p10: quantile(values, 0.1),
    p90: quantile(values, 0.9),
    p95: quantile(values, 0.95),
    max: values.length ? Math.max(...values) : Number.NaN,
  };
}

/** Half the 10th–90th percentile range as a share of the median: the "±" printed next to a median. */
export function relativeSpread(summary: Summary): number {
  return (summary.p90 - summary.p10) / 2 / summary.median;
}

/** Rounds to `digits` decimals, keeping JSON readable. */
export function round(value: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
