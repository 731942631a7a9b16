/** A WeChat reply waiting for the resident to write again, as staff see it. */
export interface HeldReply {
  outboxId: number;
  conversationKey: string;
  /** The newest case of that conversation, when there is one. */
  caseRef: string | null;
  /** 45015: the resident has not written for 48 hours; 45047: too many replies to one message. */
  errcode: number;
  heldAt: number;
}

/** The replies still waiting for one case: how many, since when (the oldest) and that one's errcode. */
export interface HeldForCase {
  count: number;
  since: number;
  errcode: number;
}

/** Which WeChat replies wait in the outbox for the resident to write again. Ids only, no message text. */
export interface WechatHeldRepository {
  /** Records that WeChat refused the reply for now; true the first time, false when it was held already. */
  hold(outboxId: number, conversationKey: string, errcode: number, at: number): Promise<boolean>;
  /** The reply went out after all. */
  delivered(outboxId: number, at: number): Promise<void>;
  /** Replies still waiting, oldest first. */
  waiting(limit?: number): Promise<HeldReply[]>;
  /**
   * Replies still waiting for each of `refs` (a reply counts for the newest case of its conversation),
   * in one read of at most one row per case; cases with none are left out.
   */
  waitingByCase(refs: readonly string[]): Promise<Map<string, HeldForCase>>;
}
