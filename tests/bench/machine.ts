/** The machine a bench ran on, stored with its numbers: they mean little without it. */
import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';

/** Hardware and software of this run (the Chromium version is stored with the browser results). */
export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  platform: string;
  kernel: string;
  node: string;
  /** 1, 5 and 15 minute load averages when the bench started: other work on the machine skews results. */
  loadAverage: number[];
  /** The same when it finished. */
  loadAverageAtEnd: number[] | null;
}

/** @example describeMachine().cpus // 2 */
export function describeMachine(): Machine {
  const list = cpus();
  return {
    cpus: list.length,
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    memoryGb: totalmem() / 1024 ** 3,
    platform: `${process.platform}-${process.arch}`,
    kernel: release(),
    node: process.version,
    loadAverage: loadavg(),
    loadAverageAtEnd: null,
  };
}

/** Jiffies the whole machine spent busy and in total (all CPUs), from /proc/stat; null off Linux. */
export interface CpuTimes {
  busy: number;
  total: number;
}

/** The machine's CPU counters now. */
export function readCpuTimes(): CpuTimes | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
    const [user, nice, system, idle, iowait, irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
    const busy = user + nice + system + irq + softirq + steal;
    return { busy, total: busy + idle + iowait };
  } catch {
    return null;
  }
}

/** Cores busy on the whole machine between two readings. */
export function busyCores(before: CpuTimes | null, after: CpuTimes | null): number | null {
  if (!before || !after || after.total === before.total) return null;
  return ((after.busy - before.busy) / (after.total - before.total)) * cpus().length;
}

/** "Quiet" for {@link waitForQuiet}: at most this many cores busy. */
export const QUIET_CORES = 0.3;

/**
 * Waits until the machine is nearly idle (at most `idleCores` busy over a 2 s sample) or `maxMs` has
 * passed; on a shared machine this keeps other people's builds out of a browser run where possible.
 * @returns the cores busy in the last sample (null off Linux)
 */
export async function waitForQuiet(maxMs: number, idleCores = QUIET_CORES): Promise<number | null> {
  const deadline = Date.now() + maxMs;
  for (;;) {
    const before = readCpuTimes();
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const busy = busyCores(before, readCpuTimes());
    if (busy === null || busy <= idleCores || Date.now() >= deadline) return busy;
  }
}
