/**
 * The page's side of the lab workers. Two frames may be in flight at once, so the primary worker reads,
 * packs and encrypts frame n+1 while the second worker and the receiver are still on frame n; one more
 * may wait, and a newer frame replaces a waiting one (counted as dropped), so when the machine cannot
 * keep up the lab skips frames instead of falling behind. Results from the three workers are joined by
 * sequence number and handed over together, so all panels always show the same frame.
 */
import {
  pictureBuffers,
  type CipherSettings,
  type FrameImage,
  type FrameMetrics,
  type PageToWorker,
  type PanelPictures,
  type PrimaryInfo,
  type PrimaryResult,
  type ReceiverResult,
  type SecondInfo,
  type SecondResult,
  type StageTimings,
  type WorkerToPage,
} from './protocol';

/**
 * A finished frame: each drawn panel's picture, the workers' reports, and the caller's own data. Once the
 * pictures are on the page, `release` hands their buffers back to the workers for the next frames.
 */
export interface EngineFrame<Meta> {
  seq: number;
  meta: Meta;
  panels: PanelPictures;
  /** Gives the pictures' buffers back to their workers: call once, when they are drawn or not wanted. */
  release(): void;
  primary: PrimaryInfo;
  second: SecondInfo;
  receiver: { timings: StageTimings };
  /** Null when analytics were off for this frame. */
  metrics: FrameMetrics | null;
}

export interface EngineCallbacks<Meta> {
  onFrame(frame: EngineFrame<Meta>): void;
  onError(message: string, meta: Meta): void;
}

interface Job<Meta> {
  seq: number;
  meta: Meta;
  index: number;
  image: FrameImage;
  size: { width: number; height: number };
  settings: CipherSettings;
}

interface Pending<Meta> {
  seq: number;
  meta: Meta;
  primary?: PrimaryResult;
  second?: SecondResult;
  receiver?: ReceiverResult;
}

/** Counters for the bench and the page's status line. */
export interface EngineStats {
  submitted: number;
  drawn: number;
  dropped: number;
}

/** Frames the workers may hold at once: one in each stage of the two-worker pipeline. */
export const MAX_IN_FLIGHT = 2;

/** Hands the buffers of `pictures` back to the worker that sent them, for its next frames. */
function giveBack(worker: Worker, pictures: PanelPictures | undefined): void {
  const buffers = pictures ? pictureBuffers(pictures).filter((buffer) => buffer.byteLength > 0) : [];
  if (buffers.length > 0) worker.postMessage({ type: 'pictures-back', buffers } satisfies PageToWorker, buffers);
}

export class LabEngine<Meta> {
  private readonly primary: Worker;
  private readonly second: Worker;
  private readonly receiver: Worker;
  private seq = 0;
  private readonly inFlight = new Map<number, Pending<Meta>>();
  private waiting: Job<Meta> | null = null;
  private disposed = false;
  readonly stats: EngineStats = { submitted: 0, drawn: 0, dropped: 0 };

  constructor(private readonly callbacks: EngineCallbacks<Meta>) {
    this.primary = new Worker(new URL('./primary-worker.ts', import.meta.url), {
      type: 'module',
      name: 'ecb-lens-primary',
    });
    this.second = new Worker(new URL('./second-worker.ts', import.meta.url), {
      type: 'module',
      name: 'ecb-lens-second',
    });
    this.receiver = new Worker(new URL('./receiver-worker.ts', import.meta.url), {
      type: 'module',
      name: 'ecb-lens-receiver',
    });
    const plaintext = new MessageChannel();
    const ciphertext = new MessageChannel();
    this.primary.postMessage({ type: 'connect', port: plaintext.port1 }, [plaintext.port1]);
    this.second.postMessage({ type: 'connect', port: plaintext.port2, next: ciphertext.port1 }, [
      plaintext.port2,
      ciphertext.port1,
    ]);
    this.receiver.postMessage({ type: 'connect', port: ciphertext.port2 }, [ciphertext.port2]);
    const receive = (event: MessageEvent<WorkerToPage>) => this.receive(event.data);
    const crash = (event: ErrorEvent) => this.crash(event.message || 'a lab worker failed to start');
    for (const worker of [this.primary, this.second, this.receiver]) {
      worker.onmessage = receive;
      worker.onerror = crash;
    }
  }

  /** True when no frame is in the workers. */
  get idle(): boolean {
    return this.inFlight.size === 0;
  }

  /** True when the pipeline is full: a new frame would have to wait. */
  get busy(): boolean {
    return this.inFlight.size >= MAX_IN_FLIGHT;
  }

  /**
   * Queues frame number `index`, to be scaled to `size` (its own size by default). The engine takes
   * ownership of `image` (it is transferred or closed).
   * @returns the frame's sequence number
   */
  submit(
    image: FrameImage,
    settings: CipherSettings,
    meta: Meta,
    options: { index?: number; size?: { width: number; height: number } } = {},
  ): number {
    if (this.disposed) {
      image.close();
      return -1;
    }
    const natural = 'displayWidth' in image ? { width: image.displayWidth, height: image.displayHeight } : image;
    const job: Job<Meta> = {
      seq: ++this.seq,
      meta,
      index: options.index ?? 0,
      image,
      size: options.size ?? { width: natural.width, height: natural.height },
      settings,
    };
    this.stats.submitted++;
    if (!this.busy) {
      this.start(job);
    } else {
      if (this.waiting) {
        this.waiting.image.close();
        this.stats.dropped++;
      }
      this.waiting = job;
    }
    return job.seq;
  }

  dispose(): void {
    this.disposed = true;
    this.waiting?.image.close();
    this.waiting = null;
    this.inFlight.forEach((pending) => this.giveBackAll(pending));
    this.inFlight.clear();
    this.primary.terminate();
    this.second.terminate();
    this.receiver.terminate();
  }

  private start(job: Job<Meta>): void {
    this.inFlight.set(job.seq, { seq: job.seq, meta: job.meta });
    const { seq, index, image, size, settings } = job;
    this.primary.postMessage({ type: 'frame', seq, index, image, width: size.width, height: size.height, settings }, [
      image,
    ]);
  }

  private receive(message: WorkerToPage): void {
    const pending = this.inFlight.get(message.seq);
    if (!pending) {
      // A frame already given up on (its other half failed): release what arrived late.
      if (message.type !== 'failure') giveBack(this.workerOf(message), message.panels);
      return;
    }
    if (message.type === 'failure') {
      this.giveBackAll(pending);
      this.inFlight.delete(pending.seq);
      this.next();
      this.callbacks.onError(message.message, pending.meta);
      return;
    }
    if (message.type === 'primary') pending.primary = message;
    else if (message.type === 'second') pending.second = message;
    else pending.receiver = message;
    const { primary, second, receiver } = pending;
    if (primary && second && receiver) this.finish(pending, primary, second, receiver);
  }

  private finish(done: Pending<Meta>, primary: PrimaryResult, second: SecondResult, receiver: ReceiverResult): void {
    this.inFlight.delete(done.seq);
    this.stats.drawn++;
    this.next();
    const metrics = primary.metrics && second.metrics ? { ...primary.metrics, ...second.metrics } : null;
    this.callbacks.onFrame({
      seq: done.seq,
      meta: done.meta,
      panels: { ...primary.panels, ...second.panels, ...receiver.panels },
      release: () => {
        giveBack(this.primary, primary.panels);
        giveBack(this.second, second.panels);
        giveBack(this.receiver, receiver.panels);
      },
      primary: primary.info,
      second: second.info,
      receiver: receiver.info,
      metrics,
    });
  }

  private workerOf(message: PrimaryResult | SecondResult | ReceiverResult): Worker {
    if (message.type === 'primary') return this.primary;
    return message.type === 'second' ? this.second : this.receiver;
  }

  private giveBackAll(pending: Pending<unknown>): void {
    giveBack(this.primary, pending.primary?.panels);
    giveBack(this.second, pending.second?.panels);
    giveBack(this.receiver, pending.receiver?.panels);
  }

  private crash(message: string): void {
    const meta = this.inFlight.values().next().value?.meta ?? this.waiting?.meta;
    this.inFlight.forEach((pending) => this.giveBackAll(pending));
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
