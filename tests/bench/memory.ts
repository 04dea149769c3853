/**
 * Memory of the playing lab, read after forced garbage collections so only what is still held counts:
 * the JS heap and ArrayBuffer backing stores of the page and of each lab worker (CDP Runtime.getHeapUsage,
 * reaching the workers through Target auto-attach), the page's DOM counters (Performance.getMetrics), and
 * the resident size of the renderer and GPU processes (pids from SystemInfo, sizes from /proc on Linux).
 */
import { readFileSync } from 'node:fs';
import type { CDPSession } from 'playwright-core';

const WORKER_CALL_TIMEOUT_MS = 10_000;

/** One isolate's memory: the page ("main") or a worker, by its name. Bytes. */
export interface HeapUsage {
  name: string;
  usedSize: number;
  totalSize: number;
  /** ArrayBuffer contents held by the isolate (frame buffers live here, not in usedSize). */
  backingStorageSize: number;
}

/** Memory at one moment. Sizes in bytes; null where the platform does not tell. */
export interface MemorySample {
  /** Frames drawn since playback started. */
  drawn: number;
  heaps: HeapUsage[];
  /** Σ over the page and workers of heap used + backing stores. */
  jsTotal: number;
  domNodes: number;
  jsEventListeners: number;
  rendererRss: number | null;
  gpuRss: number | null;
}

/** Resident memory without a GC, sampled along the run to show its trend. */
export interface RssPoint {
  drawn: number;
  rendererRss: number | null;
}

/** CPU seconds per Chromium process, to see which process used the cores. */
export interface ProcessCpu {
  type: string;
  pid: number;
  cpuSeconds: number;
}

interface WorkerReply {
  id?: number;
  result?: unknown;
  error?: { message: string };
}

function rssOf(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Chromium's processes and their CPU time so far. */
export async function processCpu(browserSession: CDPSession): Promise<ProcessCpu[]> {
  const { processInfo } = await browserSession.send('SystemInfo.getProcessInfo');
  return processInfo.map((info) => ({ type: info.type, pid: info.id, cpuSeconds: info.cpuTime }));
}

function busiest(processes: readonly ProcessCpu[], type: string): ProcessCpu | undefined {
  return processes.filter((info) => info.type === type).sort((a, b) => b.cpuSeconds - a.cpuSeconds)[0];
}

/** Resident size of the busiest renderer and GPU process. */
export async function processRss(
  browserSession: CDPSession,
): Promise<{ rendererRss: number | null; gpuRss: number | null }> {
  const processes = await processCpu(browserSession);
  const renderer = busiest(processes, 'renderer');
  const gpu = busiest(processes, 'GPU');
  return { rendererRss: renderer ? rssOf(renderer.pid) : null, gpuRss: gpu ? rssOf(gpu.pid) : null };
}

/**
 * Reads memory of a page and its workers. Workers are reached over the page's CDP session with
 * auto-attach in non-flat mode, so their commands go through Target.sendMessageToTarget.
 */
export class MemoryReader {
  private readonly workers = new Map<string, string>();
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private nextId = 1;

  private constructor(
    private readonly page: CDPSession,
    private readonly browser: CDPSession,
  ) {
    page.on('Target.attachedToTarget', (event) => {
      if (event.targetInfo.type === 'worker')
        this.workers.set(event.sessionId, event.targetInfo.title || event.targetInfo.url);
    });
    page.on('Target.detachedFromTarget', (event) => {
      if (event.sessionId) this.workers.delete(event.sessionId);
    });
    page.on('Target.receivedMessageFromTarget', (event) => {
      const reply = JSON.parse(event.message) as WorkerReply;
      const waiting = reply.id === undefined ? undefined : this.pending.get(reply.id);
      if (!waiting || reply.id === undefined) return;
      this.pending.delete(reply.id);
      if (reply.error) waiting.reject(new Error(reply.error.message));
      else waiting.resolve(reply.result);
    });
  }

  /** Starts watching the page's workers (those already running included). */
  static async attach(page: CDPSession, browser: CDPSession): Promise<MemoryReader> {
    const reader = new MemoryReader(page, browser);
    await page.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
    await page.send('Performance.enable');
    return reader;
  }

  private callWorker(sessionId: string, method: string): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`worker ${this.workers.get(sessionId)} did not answer ${method}`));
      }, WORKER_CALL_TIMEOUT_MS);
      this.pending.set(id, {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.page
        .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) })
        .catch(reject);
    });
  }

  /**
   * Collects garbage in the page and every worker, then reads their memory.
   * @param drawn frames drawn since playback started, stored with the sample
   */
  async sample(drawn: number): Promise<MemorySample> {
    await this.page.send('HeapProfiler.collectGarbage');
    const main = await this.page.send('Runtime.getHeapUsage');
    const heaps: HeapUsage[] = [
      { name: 'main', usedSize: main.usedSize, totalSize: main.totalSize, backingStorageSize: main.backingStorageSize },
    ];
    for (const [sessionId, name] of this.workers) {
      await this.callWorker(sessionId, 'HeapProfiler.collectGarbage');
      const usage = (await this.callWorker(sessionId, 'Runtime.getHeapUsage')) as Omit<HeapUsage, 'name'>;
      heaps.push({
        name,
        usedSize: usage.usedSize,
        totalSize: usage.totalSize,
        backingStorageSize: usage.backingStorageSize,
      });
    }
    const { metrics } = await this.page.send('Performance.getMetrics');
    const metric = (name: string) => metrics.find((entry) => entry.name === name)?.value ?? Number.NaN;
    return {
      drawn,
      heaps,
      jsTotal: heaps.reduce((sum, heap) => sum + heap.usedSize + heap.backingStorageSize, 0),
      domNodes: metric('Nodes'),
      jsEventListeners: metric('JSEventListeners'),
      ...(await processRss(this.browser)),
    };
  }
}
