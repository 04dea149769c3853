/**
 * Per-case limits for the fuzz tests: how long one input may take and how much memory it may add.
 * Time is process.hrtime around the call; memory is the larger of the growth of heap + external
 * memory (ArrayBuffers included) across the call and the growth of the process's peak RSS
 * (resourceUsage().maxRSS, in KiB) during it, so a large allocation counts whether or not it is
 * still held when the call returns.
 */

/** The limits every fuzz case must stay within. */
export interface Limits {
  ms: number;
  bytes: number;
}

/** 100 ms and 100 MB (10^8 bytes) per case. */
export const CASE_LIMITS: Limits = { ms: 100, bytes: 100_000_000 };

/** One measured call. */
export interface Measured<T> {
  value: T;
  ms: number;
  growth: number;
}

/** Runs `run` once, timing it and measuring the memory it adds. */
export async function measure<T>(run: () => Promise<T>): Promise<Measured<T>> {
  const before = process.memoryUsage();
  const peakBefore = process.resourceUsage().maxRSS;
  const start = process.hrtime.bigint();
  const value = await run();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const after = process.memoryUsage();
  const peakAfter = process.resourceUsage().maxRSS;
  const held = after.heapUsed + after.external - (before.heapUsed + before.external);
  return { value, ms, growth: Math.max(held, (peakAfter - peakBefore) * 1024) };
}

/**
 * Measures `run`, and when it is over a limit runs it twice more and keeps the smallest time and
 * growth seen: an input that is really slow or greedy is so every time, while a garbage collection
 * or another process taking the CPU during one run is not. Returns the first run's value and a
 * problem (naming the limit and what was measured) or null.
 */
export async function withinLimits<T>(
  run: () => Promise<T>,
  limits: Limits = CASE_LIMITS,
): Promise<Measured<T> & { problem: string | null }> {
  const first = await measure(run);
  let { ms, growth } = first;
  for (let again = 0; again < 2 && (ms > limits.ms || growth > limits.bytes); again++) {
    const next = await measure(run);
    ms = Math.min(ms, next.ms);
    growth = Math.min(growth, next.growth);
  }
  const problems: string[] = [];
  if (ms > limits.ms) problems.push(`took ${ms.toFixed(1)} ms (limit ${limits.ms} ms, best of 3)`);
  if (growth > limits.bytes)
    problems.push(`added ${(growth / 1e6).toFixed(1)} MB of memory (limit ${limits.bytes / 1e6} MB, best of 3)`);
  return { value: first.value, ms, growth, problem: problems.length ? problems.join('; ') : null };
}
