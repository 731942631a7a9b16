/**
 * Lets waiting messages start in slices of the event loop bounded by time. A commit that resolves a
 * hundred residents at once queues a hundred starts; all in one turn (about 25 ms of conversations
 * back to back), the callbacks the next commit waits for (the script worker's text, the driver's
 * result) waited behind them. A fixed few per turn (four, before) capped how many residents a turn
 * could start however cheap they were, so under load the queue grew in front of the cap. Now each
 * slice starts residents one after another while less than `budgetMs` has passed since it began,
 * then yields to I/O; a resident's time is its work up to its first real wait (a read, its commit).
 */
export class TurnSlicer {
  private readonly waiting: (() => void)[] = [];
  private scheduled = false;
  private sliceStart = 0;

  /**
   * `budgetMs`: how long one slice keeps starting residents (each ~0.2–0.3 ms of work) before I/O may run;
   * `now`: the clock (tests pass their own, so what they check does not depend on the machine's speed).
   */
  constructor(
    private readonly budgetMs = 3,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Resolves when this message may start: in order, in slices of the event loop. */
  next(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.waiting.push(resolve);
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(this.slice);
      }
    });
  }

  private readonly slice = (): void => {
    this.sliceStart = this.now();
    this.startOne();
  };

  private startOne(): void {
    this.waiting.shift()!();
    // After the resident's work: a tick queued from a microtask runs once the microtask queue is
    // empty, that is when the resident (and whatever its work resolved) waits for I/O.
    queueMicrotask(() => process.nextTick(this.afterOne));
  }

  private readonly afterOne = (): void => {
    if (this.waiting.length === 0) this.scheduled = false;
    else if (this.now() - this.sliceStart < this.budgetMs) this.startOne();
    // Scheduled from inside the check phase, the next slice runs in the next turn, after I/O callbacks.
    else setImmediate(this.slice);
  };
}
