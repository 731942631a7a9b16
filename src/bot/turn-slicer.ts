/**
 * Lets waiting messages start a few per turn of the event loop. A commit that resolves a hundred
 * residents at once queues a hundred starts; as plain `setImmediate`s they all ran in the same turn
 * (about 25 ms of conversations back to back), and the callbacks the next commit waits for (the
 * script worker's text, the driver's result) waited behind them. In slices, those callbacks run
 * between slices, so the next commit starts while this thread works through the residents.
 */
export class TurnSlicer {
  private readonly waiting: (() => void)[] = [];
  private scheduled = false;

  /** `perTurn`: messages started per turn of the event loop (each ~0.2–0.3 ms of work). */
  constructor(private readonly perTurn = 4) {}

  /** Resolves when this message may start: in order, a few per turn of the event loop. */
  next(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.waiting.push(resolve);
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(this.release);
      }
    });
  }

  private readonly release = (): void => {
    for (const resolve of this.waiting.splice(0, this.perTurn)) resolve();
    // Scheduled from inside the check phase, the next slice runs in the next turn, after I/O callbacks.
    if (this.waiting.length > 0) setImmediate(this.release);
    else this.scheduled = false;
  };
}
