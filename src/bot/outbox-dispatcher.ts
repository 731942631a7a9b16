import type { Logger } from 'pino';
import type { OutboxRepository } from './ports/outbox-repository.js';
import { DeliveryError, type ChannelSender, type OutboundMessage, type OutboundPayload } from './channel.js';
import { hashKey } from './conversation-runner.js';

export interface DispatcherOptions {
  store: OutboxRepository;
  logger: Logger;
  now?: () => number;
  /** Retry delay for attempt n (1-based) when the channel gives none. */
  backoffMs?: (attempt: number) => number;
  maxAttempts?: number;
  /**
   * How long a message may wait for its resident to come back (a closed web page) before it expires
   * to the dead-letter state (`failed`) instead of being retried for ever. Default 7 days.
   */
  expireAfterMs?: number;
  /** How long to wait before writing sent marks again after the database refused them. */
  markRetryMs?: number;
}

type Waiter = { ids: Set<number>; resolve: () => void };

/**
 * Delivers committed outbox messages through their channels: in order per address, concurrently
 * across addresses, retrying failures (honouring a channel's `retryAfterMs`) until sent or given up.
 * A message is marked sent right after the channel accepts it; one still pending at a crash is sent
 * again after restart.
 */
export class OutboxDispatcher {
  private readonly senders = new Map<string, ChannelSender>();
  private readonly queues = new Map<string, OutboundMessage[]>();
  private readonly active = new Set<string>();
  private readonly known = new Set<number>();
  /** Sent, but the sent mark is not written yet: `resume()` must not queue these again. */
  private readonly marking = new Set<number>();
  private readonly timers = new Set<NodeJS.Timeout>();
  /** The retry timer of each address whose first message is waiting to be tried again. */
  private readonly retrying = new Map<string, NodeJS.Timeout>();
  private readonly waiters: Waiter[] = [];
  /** Addresses whose next message the channel holds until the resident writes (see {@link release}). */
  private readonly held = new Set<string>();
  private sentBuffer: number[] = [];
  private flushing: Promise<void> | null = null;
  private sentTimer: NodeJS.Immediate | null = null;
  private markRetry: NodeJS.Timeout | null = null;
  private watchTimer: NodeJS.Timeout | null = null;
  private stopped = false;
  private readonly now: () => number;

  constructor(private readonly options: DispatcherOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Registers the sender of a channel; queued messages for it start flowing. */
  register(channel: string, sender: ChannelSender): void {
    this.senders.set(channel, sender);
    for (const address of this.queues.keys()) if (address.startsWith(`${channel}\u0000`)) this.pump(address);
  }

  /** The resident at `address` wrote again: messages held for them are tried now. */
  release(channel: string, address: string): void {
    const key = `${channel}\u0000${address}`;
    if (this.held.delete(key)) this.pump(key);
  }

  /** Loads messages left pending by an earlier run (a crash between commit and send) and sends them. */
  async resume(): Promise<number> {
    const rows = await this.options.store.pendingOutbox(10_000);
    this.enqueue(rows.map((r) => ({ ...r, payload: r.payload as OutboundPayload })));
    return rows.length;
  }

  /**
   * Reads the outbox every `everyMs` for rows another process committed (a notice written by `fayuan cases …`
   * while the bot serves), until {@link stop}. Rows already queued, being sent or being marked are not sent twice.
   */
  watch(everyMs: number): void {
    if (this.watchTimer || this.stopped) return;
    let reading = false;
    this.watchTimer = setInterval(() => {
      if (reading) return;
      reading = true;
      this.resume()
        .catch((e: unknown) => this.options.logger.error({ err: e instanceof Error ? e.name : 'unknown' }, 'could not read the outbox'))
        .finally(() => (reading = false));
    }, everyMs);
    this.watchTimer.unref();
  }

  /** Queues committed messages for delivery. */
  enqueue(messages: OutboundMessage[]): void {
    for (const message of messages) {
      if (this.known.has(message.id) || this.marking.has(message.id)) continue;
      this.known.add(message.id);
      const address = `${message.channel}\u0000${message.address}`;
      const queue = this.queues.get(address) ?? [];
      queue.push(message);
      this.queues.set(address, queue);
      this.pump(address);
    }
  }

  /**
   * The resident is reachable again (a web page opened): what waits for them to come back is tried now
   * rather than at its next retry.
   */
  wake(channel: string, address: string): void {
    const key = `${channel}\u0000${address}`;
    const timer = this.retrying.get(key);
    if (!timer) return;
    clearTimeout(timer);
    this.timers.delete(timer);
    this.retrying.delete(key);
    this.pump(key);
  }

  /**
   * Whether a message was delivered and only its sent mark is not written yet: the store still lists it as
   * pending, but it will not be sent again (a reloaded page must show it in its history, not wait for it).
   */
  delivered(id: number): boolean {
    return this.marking.has(id);
  }

  /** Resolves when every one of `ids` has been sent or given up. */
  whenDone(ids: number[]): Promise<void> {
    const open = new Set(ids.filter((id) => this.known.has(id)));
    if (open.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ ids: open, resolve }));
  }

  /** Sends what can be sent within `timeoutMs`, writes the sent marks, and stops retrying. */
  async stop(timeoutMs = 5000): Promise<void> {
    const deadline = this.now() + timeoutMs;
    while (this.active.size > 0 && this.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    this.stopped = true;
    if (this.watchTimer) clearInterval(this.watchTimer);
    this.watchTimer = null;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.retrying.clear();
    if (this.sentTimer) clearImmediate(this.sentTimer);
    this.sentTimer = null;
    if (this.markRetry) clearTimeout(this.markRetry);
    this.markRetry = null;
    if (this.flushing) await this.flushing;
    await this.flushSent();
  }

  private pump(address: string): void {
    if (this.active.has(address) || this.stopped || this.held.has(address)) return;
    const queue = this.queues.get(address);
    const next = queue?.[0];
    if (!next) {
      this.queues.delete(address);
      return;
    }
    const sender = this.senders.get(next.channel);
    if (!sender) return; // stays pending until the channel is registered
    this.active.add(address);
    void this.deliver(sender, next).then((outcome) => {
      this.active.delete(address);
      if (outcome === 'done') {
        queue!.shift();
        this.pump(address);
      } else if (outcome === 'held') {
        this.held.add(address);
      } else {
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          this.retrying.delete(address);
          this.pump(address);
        }, outcome.retryInMs);
        this.timers.add(timer);
        this.retrying.set(address, timer);
      }
    });
  }

  private async deliver(sender: ChannelSender, message: OutboundMessage): Promise<'done' | 'held' | { retryInMs: number }> {
    const { logger } = this.options;
    try {
      await sender.send(message);
      this.markSent(message.id);
      return 'done';
    } catch (error) {
      const details = error instanceof DeliveryError ? error.options : {};
      const expired = this.now() - (message.createdAt ?? this.now()) > (this.options.expireAfterMs ?? DEFAULT_EXPIRY_MS);
      if (details.offline && !expired) return { retryInMs: OFFLINE_RETRY_MS };
      if (details.held && !expired) return 'held';
      if (!details.offline && !details.held) message.attempts += 1;
      const max = this.options.maxAttempts ?? 8;
      const giveUp = details.permanent === true || message.attempts >= max || expired;
      const retryInMs = details.retryAfterMs ?? (this.options.backoffMs ?? defaultBackoff)(message.attempts);
      logger.warn(
        { outboxId: message.id, channel: message.channel, conversation: hashKey(message.conversationKey), attempt: message.attempts, giveUp, err: error instanceof Error ? error.message : 'unknown' },
        giveUp ? 'delivery failed; giving up' : 'delivery failed; will retry',
      );
      await this.options.store
        .recordAttempt(message.id, message.attempts, this.now() + retryInMs, giveUp)
        .catch((e: unknown) => logger.error({ err: e instanceof Error ? e.message : 'unknown' }, 'could not record a delivery attempt'));
      if (giveUp) {
        this.settle(message.id);
        return 'done';
      }
      return { retryInMs };
    }
  }

  private markSent(id: number): void {
    this.sentBuffer.push(id);
    this.marking.add(id);
    this.settle(id);
    // Sent marks are gathered for one turn of the event loop and written together, without an fsync.
    if (!this.sentTimer) {
      this.sentTimer = setImmediate(() => {
        this.sentTimer = null;
        this.flushing = this.flushSent();
      });
    }
  }

  private async flushSent(): Promise<void> {
    while (this.sentBuffer.length > 0) {
      const ids = this.sentBuffer;
      this.sentBuffer = [];
      try {
        await this.options.store.markSent(ids, this.now());
        for (const id of ids) this.marking.delete(id);
      } catch (e) {
        // The messages were delivered: they stay "being marked" (so `resume()` does not send them
        // again) and the marks are tried again later, instead of re-sending in a loop.
        this.options.logger.error({ err: e instanceof Error ? e.name : 'unknown', messages: ids.length }, 'could not mark messages sent; will try again');
        this.sentBuffer.push(...ids);
        if (!this.stopped && !this.markRetry) {
          this.markRetry = setTimeout(() => {
            this.markRetry = null;
            this.flushing ??= this.flushSent();
          }, this.options.markRetryMs ?? 5000);
        }
        break;
      }
    }
    this.flushing = null;
  }

  private settle(id: number): void {
    this.known.delete(id);
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      const waiter = this.waiters[i]!;
      waiter.ids.delete(id);
      if (waiter.ids.size === 0) {
        this.waiters.splice(i, 1);
        waiter.resolve();
      }
    }
  }
}

/** How often a message for a resident who is not connected is tried again, until it expires. */
const OFFLINE_RETRY_MS = 15_000;
/** A reply nobody came back for within a week is dead-lettered. */
const DEFAULT_EXPIRY_MS = 7 * 24 * 60 * 60 * 1000;

function defaultBackoff(attempt: number): number {
  return Math.min(60_000, 500 * 2 ** (attempt - 1));
}
