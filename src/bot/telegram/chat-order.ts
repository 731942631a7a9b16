/**
 * Keeps a chat's messages in arrival order on their way to the runner while some of them still need
 * preparing (a file to download). A ready message with nothing pending before it is handed on at
 * once, synchronously, so the runner's own per-conversation queue sees it in update order.
 */
export class ChatOrder {
  private readonly tails = new Map<string, Promise<void>>();

  /**
   * Calls `deliver` with `input` after every earlier input of `key` was delivered. `deliver` must
   * enqueue synchronously (as `runner.handle` does); its result is returned.
   */
  submit<T, R>(key: string, input: T | Promise<T>, deliver: (value: T) => Promise<R>): Promise<R> {
    const tail = this.tails.get(key);
    if (tail === undefined && !(input instanceof Promise)) return deliver(input);
    const ready = (tail ?? Promise.resolve()).then(() => input);
    // Registered before `next`, so `deliver` runs before anything queued behind this input.
    const result = ready.then(deliver);
    const next = ready.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, next);
    void next.then(() => {
      if (this.tails.get(key) === next) this.tails.delete(key);
    });
    return result;
  }
}
