/** Small statistics helpers for the bench. @module */

/** The median of `values` (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
}

/** Median, extremes and count of repeated timings, rounded to 0.1 ms. */
export function summary(values: readonly number[]): {
  median: number;
  min: number;
  max: number;
  runs: number;
} {
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    median: round(median(values)),
    min: round(Math.min(...values)),
    max: round(Math.max(...values)),
    runs: values.length,
  };
}
