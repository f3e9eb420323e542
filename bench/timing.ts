/** Median and 95th percentile of `runs` synchronous runs (the consistency check runs on every edit). */
export function percentiles<T>(runs: number, fn: () => T): { median: number; p95: number; value: T } {
  const times: number[] = [];
  let value = fn();
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    value = fn();
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(runs / 2)] ?? 0, p95: times[Math.min(runs - 1, Math.floor(runs * 0.95))] ?? 0, value };
}
