/**
 * The measurements of recent frames, oldest first, for the live charts: a fixed-size ring, so a long
 * session never grows memory. It starts over when the frame numbers go back (a seek back, a loop) or the
 * source or settings change, so a chart always shows one run of frames in order; a frame drawn again
 * replaces its own row.
 */
import type { FrameMetrics } from '../worker/protocol';

export interface MetricsRow {
  index: number;
  time: number;
  metrics: FrameMetrics;
}

export class MetricsHistory {
  private readonly rows: (MetricsRow | undefined)[];
  private start = 0;
  private size = 0;
  /** Increases on every change, for subscribers that redraw. */
  version = 0;

  constructor(readonly capacity = 900) {
    this.rows = new Array<MetricsRow | undefined>(capacity);
  }

  get length(): number {
    return this.size;
  }

  /**
   * Adds a frame's row. The same frame again (redrawn when paused) replaces its row; a frame before the
   * last one starts over.
   */
  push(row: MetricsRow): void {
    const last = this.at(this.size - 1);
    if (last && row.index === last.index) {
      this.rows[(this.start + this.size - 1) % this.capacity] = row;
      this.version++;
      return;
    }
    if (last && row.index < last.index) this.clear();
    this.rows[(this.start + this.size) % this.capacity] = row;
    if (this.size < this.capacity) this.size++;
    else this.start = (this.start + 1) % this.capacity;
    this.version++;
  }

  clear(): void {
    this.start = 0;
    this.size = 0;
    this.rows.fill(undefined);
    this.version++;
  }

  /** The i-th row, oldest first. */
  at(i: number): MetricsRow | undefined {
    return i >= 0 && i < this.size ? this.rows[(this.start + i) % this.capacity] : undefined;
  }

  /** All rows, oldest first. */
  toArray(): MetricsRow[] {
    return Array.from({ length: this.size }, (_, i) => this.at(i) as MetricsRow);
  }
}
