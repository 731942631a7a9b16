/** How many of something are allowed in a window. */
export interface Rate {
  limit: number;
  windowMs: number;
}

/** The web chat's limits against abuse; each has a kind reply. The defaults leave a typing person far below them. */
export interface WebChatLimits {
  /** Messages (texts, button presses) from one open page. */
  messagesPerConnection: Rate;
  /** Messages from one network address, across its pages. */
  messagesPerAddress: Rate;
  /** New resident identities (new conversations) issued to one network address. */
  newConversationsPerAddress: Rate;
  /** Uploads from one network address. */
  uploadsPerAddress: Rate;
}

const MINUTE = 60_000;

export const DEFAULT_LIMITS: WebChatLimits = {
  messagesPerConnection: { limit: 30, windowMs: MINUTE },
  messagesPerAddress: { limit: 120, windowMs: MINUTE },
  newConversationsPerAddress: { limit: 30, windowMs: 60 * MINUTE },
  uploadsPerAddress: { limit: 20, windowMs: 10 * MINUTE },
};

/**
 * A sliding-window counter per key (a connection id, a network address). Memory stays bounded: keys
 * whose window has passed are dropped as new ones arrive.
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly rate: Rate,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one more for `key`; `false` when that goes over the limit (the hit is not counted then). */
  take(key: string): boolean {
    const now = this.now();
    const since = now - this.rate.windowMs;
    const recent = (this.hits.get(key) ?? []).filter((at) => at > since);
    if (recent.length >= this.rate.limit) {
      this.hits.set(key, recent);
      return false;
    }
    recent.push(now);
    this.hits.set(key, recent);
    if (this.hits.size > 10_000) this.sweep(since);
    return true;
  }

  private sweep(since: number): void {
    for (const [key, times] of this.hits) if (times.every((at) => at <= since)) this.hits.delete(key);
  }
}

/** The limiters of one running web chat. */
export class WebChatLimiters {
  readonly messagesPerConnection: RateLimiter;
  readonly messagesPerAddress: RateLimiter;
  readonly newConversationsPerAddress: RateLimiter;
  readonly uploadsPerAddress: RateLimiter;

  constructor(limits: Partial<WebChatLimits> = {}, now?: () => number) {
    const all = { ...DEFAULT_LIMITS, ...limits };
    this.messagesPerConnection = new RateLimiter(all.messagesPerConnection, now);
    this.messagesPerAddress = new RateLimiter(all.messagesPerAddress, now);
    this.newConversationsPerAddress = new RateLimiter(all.newConversationsPerAddress, now);
    this.uploadsPerAddress = new RateLimiter(all.uploadsPerAddress, now);
  }

  /** One message from a page at `address`: allowed by both the page's and the address's limit. */
  message(connection: string, address: string): boolean {
    return this.messagesPerConnection.take(connection) && this.messagesPerAddress.take(address);
  }
}
