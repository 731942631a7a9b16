/**
 * Collects writes from many callers and commits them together: while one batch is being written,
 * new writes wait and go into the next batch. Under load a single commit (and its fsync) covers
 * many residents; when idle a write is committed at once, with no timer delay.
 *
 * A write submitted as a `rider` (a sent mark) does not start a commit of its own: it goes with the
 * next commit, or after `riderDelayMs` if none comes. A commit of its own held the writer while the
 * next resident's turn waited behind it (after every turn's commit came its replies' sent marks).
 */
export class GroupCommit<T, R> {
  private pending: { item: T; rider: boolean; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  private writing: Promise<void> | null = null;
  private riderTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly writeBatch: (items: T[]) => Promise<R[]>,
    private readonly options: { maxBatch?: number; riderDelayMs?: number } = {},
  ) {}

  /** Resolves once `item` is committed, with its result. */
  submit(item: T, { rider = false } = {}): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.pending.push({ item, rider, resolve, reject });
      if (this.writing) return;
      if (rider) this.riderTimer ??= setTimeout(() => this.start(true), this.options.riderDelayMs ?? 0);
      else this.start(false);
    });
  }

  /** Resolves when everything submitted so far is committed (or failed), riders included. */
  async idle(): Promise<void> {
    while (this.writing || this.pending.length > 0) {
      if (!this.writing) this.start(true);
      await this.writing;
    }
  }

  private start(withRiders: boolean): void {
    if (this.riderTimer) clearTimeout(this.riderTimer);
    this.riderTimer = null;
    this.writing ??= this.drain(withRiders);
  }

  private async drain(withRiders: boolean): Promise<void> {
    // Let callers that are already running add to this batch.
    await new Promise<void>((r) => setImmediate(r));
    let first = true;
    // After the first batch, go on only while a write that is not a rider waits.
    while (this.pending.length > 0 && (first || withRiders || this.pending.some((p) => !p.rider))) {
      first = false;
      const batch = this.pending.splice(0, this.options.maxBatch ?? 1000);
      try {
        const results = await this.writeBatch(batch.map((b) => b.item));
        batch.forEach((b, i) => b.resolve(results[i]!));
      } catch (error) {
        for (const b of batch) b.reject(error);
      }
    }
    this.writing = null;
    // Only riders left: they wait for the next write, or their time.
    if (this.pending.length > 0) this.riderTimer ??= setTimeout(() => this.start(true), this.options.riderDelayMs ?? 0);
  }
}
