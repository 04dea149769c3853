/**
 * The page's side of the lab workers. Two frames may be in flight at once, so the primary worker packs
 * and encrypts frame n+1 with GCM while the ECB worker is still on frame n; one more may wait, and a
 * newer frame replaces a waiting one (counted as dropped), so when the machine cannot keep up the lab
 * skips frames instead of falling behind. Results from the two workers are joined by sequence number
 * and handed over together, so all panels always show the same frame.
 */
import type { CipherSettings, EcbInfo, PanelId, PrimaryInfo, WorkerToPage } from './protocol';

/** A finished frame: one bitmap per panel, the workers' reports, and the caller's own data. */
export interface EngineFrame<Meta> {
  seq: number;
  meta: Meta;
  bitmaps: Record<PanelId, ImageBitmap>;
  ecb: EcbInfo;
  primary: PrimaryInfo;
}

export interface EngineCallbacks<Meta> {
  onFrame(frame: EngineFrame<Meta>): void;
  onError(message: string, meta: Meta): void;
}

interface Job<Meta> {
  seq: number;
  meta: Meta;
  bitmap: ImageBitmap;
  settings: CipherSettings;
}

interface Pending<Meta> {
  seq: number;
  meta: Meta;
  ecb?: { bitmap: ImageBitmap; info: EcbInfo };
  primary?: { bitmaps: Record<'original' | 'gcm' | 'decrypted', ImageBitmap>; info: PrimaryInfo };
}

/** Counters for the bench and the page's status line. */
export interface EngineStats {
  submitted: number;
  drawn: number;
  dropped: number;
}

/** Frames the workers may hold at once: one in each stage of the two-worker pipeline. */
export const MAX_IN_FLIGHT = 2;

function closeAll(pending: Pending<unknown>): void {
  pending.ecb?.bitmap.close();
  if (pending.primary) Object.values(pending.primary.bitmaps).forEach((bitmap) => bitmap.close());
}

export class LabEngine<Meta> {
  private readonly primary: Worker;
  private readonly ecb: Worker;
  private seq = 0;
  private readonly inFlight = new Map<number, Pending<Meta>>();
  private waiting: Job<Meta> | null = null;
  private disposed = false;
  readonly stats: EngineStats = { submitted: 0, drawn: 0, dropped: 0 };

  constructor(private readonly callbacks: EngineCallbacks<Meta>) {
    this.primary = new Worker(new URL('./primary-worker.ts', import.meta.url), { type: 'module', name: 'ecb-lens-primary' });
    this.ecb = new Worker(new URL('./ecb-worker.ts', import.meta.url), { type: 'module', name: 'ecb-lens-ecb' });
    const channel = new MessageChannel();
    this.primary.postMessage({ type: 'connect', port: channel.port1 }, [channel.port1]);
    this.ecb.postMessage({ type: 'connect', port: channel.port2 }, [channel.port2]);
    const receive = (event: MessageEvent<WorkerToPage>) => this.receive(event.data);
    this.primary.onmessage = receive;
    this.ecb.onmessage = receive;
    const crash = (event: ErrorEvent) => this.crash(event.message || 'a lab worker failed to start');
    this.primary.onerror = crash;
    this.ecb.onerror = crash;
  }

  /** True when the pipeline is full: a new frame would have to wait. */
  get busy(): boolean {
    return this.inFlight.size >= MAX_IN_FLIGHT;
  }

  /**
   * Queues a frame. The engine takes ownership of `bitmap` (it is transferred or closed).
   * @returns the frame's sequence number
   */
  submit(bitmap: ImageBitmap, settings: CipherSettings, meta: Meta): number {
    if (this.disposed) {
      bitmap.close();
      return -1;
    }
    const job: Job<Meta> = { seq: ++this.seq, meta, bitmap, settings };
    this.stats.submitted++;
    if (!this.busy) {
      this.start(job);
    } else {
      if (this.waiting) {
        this.waiting.bitmap.close();
        this.stats.dropped++;
      }
      this.waiting = job;
    }
    return job.seq;
  }

  dispose(): void {
    this.disposed = true;
    this.waiting?.bitmap.close();
    this.waiting = null;
    this.inFlight.forEach(closeAll);
    this.inFlight.clear();
    this.primary.terminate();
    this.ecb.terminate();
  }

  private start(job: Job<Meta>): void {
    this.inFlight.set(job.seq, { seq: job.seq, meta: job.meta });
    this.primary.postMessage({ type: 'frame', seq: job.seq, bitmap: job.bitmap, settings: job.settings }, [job.bitmap]);
  }

  private receive(message: WorkerToPage): void {
    const pending = this.inFlight.get(message.seq);
    if (!pending) {
      // A frame already given up on (its other half failed): release what arrived late.
      if (message.type === 'ecb') message.bitmap.close();
      if (message.type === 'primary') Object.values(message.bitmaps).forEach((bitmap) => bitmap.close());
      return;
    }
    if (message.type === 'failure') {
      closeAll(pending);
      this.inFlight.delete(pending.seq);
      this.next();
      this.callbacks.onError(message.message, pending.meta);
      return;
    }
    if (message.type === 'ecb') pending.ecb = { bitmap: message.bitmap, info: message.info };
    else pending.primary = { bitmaps: message.bitmaps, info: message.info };
    if (pending.ecb && pending.primary) this.finish(pending);
  }

  private finish(done: Pending<Meta>): void {
    const { ecb, primary } = done as Required<Pending<Meta>>;
    this.inFlight.delete(done.seq);
    this.stats.drawn++;
    this.next();
    this.callbacks.onFrame({
      seq: done.seq,
      meta: done.meta,
      bitmaps: { ...primary.bitmaps, ecb: ecb.bitmap },
      ecb: ecb.info,
      primary: primary.info,
    });
  }

  private crash(message: string): void {
    const meta = this.inFlight.values().next().value?.meta ?? this.waiting?.meta;
    this.inFlight.forEach(closeAll);
    this.inFlight.clear();
    if (meta !== undefined) this.callbacks.onError(message, meta);
  }

  private next(): void {
    const waiting = this.waiting;
    if (!waiting || this.busy) return;
    this.waiting = null;
    this.start(waiting);
  }
}
