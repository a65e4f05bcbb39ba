/** Recorded time: runs while recording, holds while paused (pauses are not part of the video). */
export class Stopwatch {
  private total = 0;
  private since: number | null = null;

  constructor(private readonly now: () => number = () => performance.now()) {}

  get running(): boolean {
    return this.since !== null;
  }

  start(): void {
    if (this.since === null) this.since = this.now();
  }

  pause(): void {
    if (this.since === null) return;
    this.total += this.now() - this.since;
    this.since = null;
  }

  elapsedMs(): number {
    return Math.round(this.total + (this.since === null ? 0 : this.now() - this.since));
  }
}
