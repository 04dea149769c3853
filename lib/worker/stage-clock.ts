/** Times the steps of one frame in a worker, for the bench's breakdown. */
export class StageClock {
  readonly timings: Record<string, number> = {};
  private last = performance.now();

  /** Records the time since the previous lap under `name`. */
  lap(name: string): void {
    const now = performance.now();
    this.timings[name] = (this.timings[name] ?? 0) + (now - this.last);
    this.last = now;
  }
}
