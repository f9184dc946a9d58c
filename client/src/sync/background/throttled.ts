// A publication asked for often but done at most once per interval: the first at once, the last one asked for at the
// end of the interval, so the latest state is never lost and a screen is not redrawn for each of many small changes.
export class Throttled {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private due = false;

  /** `everyMs` 0 runs every request at once. */
  constructor(
    private readonly everyMs: number,
    private readonly run: () => void,
  ) {}

  request(): void {
    if (this.everyMs <= 0) return this.run();
    if (this.timer) {
      this.due = true;
      return;
    }
    this.run();
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.due) return;
      this.due = false;
      this.request();
    }, this.everyMs);
  }

  /** Runs now what is still due, and stops the interval (the caller is done). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.due) return;
    this.due = false;
    this.run();
  }
}
