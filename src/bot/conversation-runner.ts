import { createActor, type Actor, type AnyStateMachine } from 'xstate';
import type { Logger } from 'pino';
import type { ConversationRepository, StoredConversation, TurnWrite } from './ports/conversation-repository.js';
import type { BotReply, RenderedReply } from '../flows/events.js';
import type { Locale } from '../locales/catalog.js';
import { renderReply, translate } from '../locales/render.js';
import {
  conversationKey,
  STAFF_ADDRESS,
  STAFF_CHANNEL,
  type ChannelName,
  type InboundMessage,
  type OutboundMessage,
  type OutboundPayload,
} from './channel.js';
import type { ConversationEffect } from '../flows/staff-relay.js';
import type { ConversationEvent } from '../flows/conversation-machine.js';
import { waitUntilResting } from './resting.js';
import { KeyedQueue } from './keyed-queue.js';
import { TurnSlicer } from './turn-slicer.js';
import { erasableFiles, isErasure } from './privacy/erasure.js';

/** How the runner builds, restores and upgrades conversations of one machine. */
export interface ConversationMachineSpec {
  machine: AnyStateMachine;
  version: string;
  /** Input for a fresh conversation. */
  input: (conversationKey: string, firstEvent?: InboundMessage['event'], localeHint?: Locale) => unknown;
  /**
   * Turns a snapshot written by an older machine version into one the current machine accepts,
   * or returns undefined to restart the conversation politely.
   */
  migrate?: (snapshot: unknown, fromVersion: string) => unknown;
  /** Replies shown when an old conversation had to be restarted. */
  restartNotice: BotReply;
  /** The resident's language, read from a snapshot's context. */
  localeOf: (context: unknown) => Locale;
  /** Shown before the first message after a long absence (days later), or null when nothing is under way. */
  welcomeBackNotice: (context: unknown) => BotReply | null;
  /**
   * Whether the resident has agreed to their messages being kept. Until then a turn stores no
   * transcript line (only the conversation's state: where it is, the consent itself). Absent: always.
   */
  mayStore?: (context: unknown) => boolean;
  /**
   * The snapshot as it may be written: drops what the live conversation holds only in memory until
   * the resident agrees (a story told before consent). Absent: written as it is.
   */
  storable?: (persisted: unknown) => unknown;
  /** A stored snapshot as the machine should take it back (every context key present). Absent: as stored. */
  restorable?: (stored: unknown) => unknown;
  /**
   * The snapshot with what `restorable` fills back in left out, for a conversation resting in memory
   * between turns (unlike `storable`, it keeps what is held only in memory). Absent: as it is.
   */
  compact?: (persisted: unknown) => unknown;
}

export interface RunnerResult {
  duplicate: boolean;
  replies: RenderedReply[];
  outbound: OutboundMessage[];
}

export interface RunnerOptions {
  store: ConversationRepository;
  spec: ConversationMachineSpec;
  logger: Logger;
  /** Called once the turn is durable, with its outbox messages in order. */
  onCommitted: (messages: OutboundMessage[]) => void;
  now?: () => number;
  /** How many conversations stay live in memory; older ones are restored from storage when they speak again. */
  cacheSize?: number;
  /** How many of the live conversations keep their actor between turns; the others rest as text. */
  hotSize?: number;
  /** A staff channel is configured: relays to staff go to the outbox (otherwise they are dropped). */
  staffChannel?: boolean;
  /**
   * Call-back requests are kept in the outbox even without a live staff channel: the console stores
   * them when it starts, so a number the resident left is never dropped.
   */
  keepCallbacks?: boolean;
  /** After an erasure is durable: delete the resident's files (attachment ids) and compact the database. */
  onErased?: (key: string, attachmentIds: string[]) => Promise<void>;
}

/**
 * A conversation in memory. The most recently active ones (`hotSize`) keep their actor between turns;
 * the others rest as the text of their snapshot (`resting`) and have no actor: one string instead of
 * the actor's few hundred objects, which every full garbage collection would otherwise trace
 * (docs/performance-history.md, "Session 14"). A resting conversation's actor is made again when its next turn
 * starts, as when a conversation comes back from storage (~0.1 ms).
 */
interface LiveConversation {
  actor: Actor<AnyStateMachine> | null;
  resting: string | null;
  /** Between the start of a turn and its decision: the actor is in use and must not be put to rest. */
  turning: boolean;
  stored: StoredConversation;
  /** Restarted after a machine change: the message that woke it is not an answer to the new first question. */
  restarted?: boolean;
}

/** A turn the machine has taken, with what it writes. */
interface DecidedTurn {
  live: LiveConversation;
  turn: TurnWrite;
  rendered: RenderedReply[];
  outbox: { payload: OutboundPayload; channel?: string; address?: string }[];
  erase: boolean;
  erasedFiles: string[];
}

const RECENT_IDS = 50;
/** After this long without a message, a resident is told the conversation continues where it was. */
const RETURN_AFTER_MS = 6 * 60 * 60 * 1000;

/**
 * Runs conversations: one message at a time per conversation, many conversations at once.
 * Each turn (snapshot, transcript, outbox) is committed before anything is handed to a channel.
 */
export class ConversationRunner {
  private readonly live = new Map<string, LiveConversation>();
  /** The live conversations that have an actor, least recently active first. */
  private readonly hot = new Map<string, LiveConversation>();
  private readonly queue = new KeyedQueue();
  private readonly slicer = new TurnSlicer();
  private readonly now: () => number;
  private accepting = true;

  constructor(private readonly options: RunnerOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Processes one message. Resolves after the turn is durable; replies are delivered by the outbox. */
  handle(message: InboundMessage): Promise<RunnerResult> {
    if (!this.accepting) return Promise.reject(new Error('The bot is shutting down and takes no new messages.'));
    const key = conversationKey(message.channel, message.userId);
    return this.queue.run(key, () => this.process(key, message));
  }

  /**
   * Delivers an event from staff or a timer (`staff.message`, `handoff.timeout`, …) to a stored
   * conversation, in order with the resident's own messages. Resolves false when there is no such conversation.
   */
  async dispatch(key: string, event: ConversationEvent): Promise<RunnerResult | false> {
    const known = this.live.get(key)?.stored ?? (await this.options.store.load(key));
    if (!known) return false;
    const userId = key.slice(key.indexOf(':') + 1);
    return this.handle({ channel: known.channel as ChannelName, userId, address: known.address, event });
  }

  /** Stops taking messages and waits for the ones in progress to be committed. */
  async drain(): Promise<void> {
    this.accepting = false;
    await this.queue.idle();
    await this.options.store.idle();
  }

  /** The conversation's current state value and context (and its child machines'), for channels, tests and staff tools. */
  async inspect(
    channel: string,
    userId: string,
  ): Promise<{ value: unknown; context: unknown; children: Record<string, { value: unknown; context: unknown }> } | undefined> {
    const key = conversationKey(channel, userId);
    return this.queue.run(key, async () => {
      const live = this.live.get(key) ?? (await this.restore(key, undefined));
      if (!live) return undefined;
      const wasResting = live.actor === null;
      const snapshot = this.wake(key, live).getSnapshot();
      const children: Record<string, { value: unknown; context: unknown }> = {};
      for (const [id, child] of Object.entries(snapshot.children as Record<string, { getSnapshot(): { value?: unknown; context?: unknown } } | undefined>)) {
        const state = child?.getSnapshot();
        if (state) children[id] = { value: state.value, context: state.context };
      }
      // Looking does not change the conversation: it goes back to rest as the text it was.
      if (wasResting) this.dropActor(key, live);
      return { value: snapshot.value, context: snapshot.context, children };
    });
  }

  private async process(key: string, message: InboundMessage): Promise<RunnerResult> {
    // A few messages per turn of the event loop: a burst of messages (a batch commit resolving a
    // hundred residents at once) would otherwise run back to back and keep the driver's and the
    // script worker's callbacks — and so the next commit — waiting until the whole burst is done.
    await this.slicer.next();
    const decided = await this.takeTurn(key, message);
    if (!decided) return { duplicate: true, replies: [], outbound: [] };
    return this.commit(key, message, decided);
  }

  /**
   * Runs the machine on the message and decides the turn's writes. Kept apart from the commit so that
   * the actor and what it made for this turn are garbage once the turn is decided, not held through
   * the commit's wait (they would outlive young-generation collections and be copied to the old one).
   */
  private async takeTurn(key: string, message: InboundMessage): Promise<DecidedTurn | undefined> {
    const notices: BotReply[] = [];
    let live = this.live.get(key) ?? (await this.restore(key, notices));
    const isNew = !live;
    if (!live) live = this.fresh(key, message);
    if (message.messageId && live.stored.recentMessageIds.includes(message.messageId)) return undefined;
    live.turning = true;
    const actor = this.wake(key, live);
    // An erasure deletes the files the conversation's state refers to: read them before the state resets.
    const stateBefore = isErasure(message.event) ? actor.getPersistedSnapshot() : null;
    const effects: ConversationEffect[] = [...notices];
    const away = !isNew && live.stored.updatedAt > 0 && this.now() - live.stored.updatedAt > RETURN_AFTER_MS;
    if (away && message.event.type.startsWith('user.') && message.event.type !== 'user.returned') {
      const notice = this.options.spec.welcomeBackNotice(actor.getSnapshot().context);
      if (notice) effects.push(notice);
    }
    const subscription = actor.on('*', (effect: ConversationEffect) => effects.push(effect));
    // Resident messages go in wrapped, so the machine decides first whether a person holds the conversation.
    const event = message.event.type.startsWith('user.') ? { type: 'inbound', event: message.event } : message.event;
    try {
      if (isNew) {
        // A new conversation opens with its greeting; only a language command is acted on before consent.
        actor.start();
        if (message.event.type === 'user.command' && message.event.command === 'lang') actor.send(event);
      } else if (live.restarted) {
        live.restarted = false;
      } else {
        actor.send(event);
      }
      await waitUntilResting(actor);
    } catch (error) {
      this.evict(key);
      throw error;
    } finally {
      subscription.unsubscribe();
    }
    const snapshot = actor.getSnapshot();
    if (snapshot.status === 'error') {
      this.evict(key);
      throw new Error('The conversation machine stopped with an error.', { cause: snapshot.error });
    }

    const locale = this.options.spec.localeOf(snapshot.context);
    const rendered: RenderedReply[] = [];
    const outbox: { payload: OutboundPayload; channel?: string; address?: string }[] = [];
    for (const effect of effects) {
      if (effect.type === 'reply') {
        const r = renderReply(effect, locale);
        rendered.push({ key: effect.key, ...r });
        outbox.push({ payload: { kind: 'text', ...r } });
      } else if (effect.type === 'file') {
        const { id, fileName, mimeType } = effect.attachment;
        outbox.push({ payload: { kind: 'file', attachmentId: id, fileName, mimeType, ...(effect.caption ? { caption: translate(effect.caption.key, locale, effect.caption.params) } : {}) } });
      } else if (effect.type === 'relay' && (this.options.staffChannel || (this.options.keepCallbacks && effect.relay.kind === 'callback'))) {
        outbox.push({ payload: { kind: 'staff', conversationKey: key, locale, relay: effect.relay }, channel: STAFF_CHANNEL, address: STAFF_ADDRESS });
      }
    }
    const persisted = actor.getPersistedSnapshot();
    const stored: StoredConversation = {
      ...live.stored,
      address: message.address,
      machineVersion: this.options.spec.version,
      snapshot: this.options.spec.storable ? this.options.spec.storable(persisted) : persisted,
      recentMessageIds: message.messageId
        ? [...live.stored.recentMessageIds, message.messageId].slice(-RECENT_IDS)
        : live.stored.recentMessageIds,
    };
    // Nothing the resident sends is kept before they agree; a confirmed erasure removes what was kept.
    const mayStore = this.options.spec.mayStore?.(snapshot.context) ?? true;
    const erase = isErasure(message.event) && !mayStore;
    const erasedFiles = erase ? await erasableFiles(this.options.store, key, stateBefore) : [];
    const turn: TurnWrite = {
      conversation: stored,
      forgetTranscript: erase,
      transcript: !mayStore
        ? []
        : [
            ...(message.event.type.startsWith('user.') ? [{ direction: 'in' as const, body: { event: message.event, messageId: message.messageId } }] : []),
            ...rendered.map((r) => ({ direction: 'out' as const, body: r })),
          ],
      outbox,
      at: this.now(),
    };

    stored.updatedAt = turn.at;
    // The actor holds the state now; a resting text would be out of date.
    live.resting = null;
    live.turning = false;
    this.coolDown();
    return { live, turn, rendered, outbox, erase, erasedFiles };
  }

  /** Commits a decided turn, then hands its outbox messages on. */
  private async commit(key: string, message: InboundMessage, { live, turn, rendered, outbox, erase, erasedFiles }: DecidedTurn): Promise<RunnerResult> {
    const stored = turn.conversation;
    let ids: number[];
    try {
      ids = await this.options.store.commitTurn(turn);
    } catch (error) {
      // The live actor is ahead of the database now: drop it and restore from storage next time.
      this.evict(key);
      throw error;
    }
    // The actor (or the resting text) holds the state; keeping the written snapshot too would double each conversation's memory.
    live.stored = { ...stored, snapshot: null };
    if (erase) await this.options.onErased?.(key, erasedFiles);
    const outbound: OutboundMessage[] = ids.map((id, i) => ({
      id,
      conversationKey: key,
      channel: outbox[i]!.channel ?? message.channel,
      address: outbox[i]!.address ?? message.address,
      payload: outbox[i]!.payload,
      attempts: 0,
      createdAt: turn.at,
    }));
    this.options.onCommitted(outbound);
    return { duplicate: false, replies: rendered, outbound };
  }

  private fresh(key: string, message: InboundMessage): LiveConversation {
    const { spec } = this.options;
    const actor = createActor(spec.machine, { input: spec.input(key, message.event, message.locale) as never });
    const live: LiveConversation = {
      actor,
      resting: null,
      turning: false,
      stored: {
        key,
        channel: message.channel,
        address: message.address,
        machineVersion: spec.version,
        snapshot: null,
        recentMessageIds: [],
        updatedAt: 0,
      },
    };
    this.remember(key, live);
    return live;
  }

  private async restore(key: string, notices: BotReply[] | undefined): Promise<LiveConversation | undefined> {
    const stored = await this.options.store.load(key);
    if (!stored) return undefined;
    const { spec } = this.options;
    let snapshot = stored.snapshot;
    if (stored.machineVersion !== spec.version) {
      snapshot = spec.migrate?.(snapshot, stored.machineVersion);
      if (snapshot === undefined) {
        this.options.logger.info({ conversation: hashKey(key), from: stored.machineVersion, to: spec.version }, 'conversation restarted after a machine change');
        return this.restart(key, stored, notices);
      }
    }
    try {
      if (!looksLikeSnapshot(snapshot)) throw new Error('stored snapshot has the wrong shape');
      const actor = this.started(key, snapshot);
      if (actor.getSnapshot().status === 'error') throw new Error('restored snapshot is in error');
      const live: LiveConversation = { actor, resting: null, turning: false, stored: { ...stored, snapshot: null } };
      this.remember(key, live);
      return live;
    } catch (error) {
      this.options.logger.warn({ conversation: hashKey(key), err: errorSummary(error) }, 'stored conversation could not be restored; restarting it');
      return this.restart(key, stored, notices);
    }
  }

  private restart(key: string, stored: StoredConversation, notices: BotReply[] | undefined): LiveConversation {
    const { spec } = this.options;
    const actor = createActor(spec.machine, { input: spec.input(key) as never });
    notices?.push(spec.restartNotice);
    const subscription = actor.on('reply', (r: BotReply) => notices?.push(r));
    actor.start();
    subscription.unsubscribe();
    const live: LiveConversation = { actor, resting: null, turning: false, stored: { ...stored, snapshot: null, machineVersion: spec.version }, restarted: true };
    this.remember(key, live);
    return live;
  }

  private remember(key: string, live: LiveConversation): void {
    this.live.delete(key);
    this.live.set(key, live);
    if (live.actor) {
      this.hot.delete(key);
      this.hot.set(key, live);
    }
    const limit = this.options.cacheSize ?? 10_000;
    while (this.live.size > limit) {
      const oldest = this.live.keys().next().value as string;
      this.evict(oldest);
    }
  }

  private evict(key: string): void {
    this.live.get(key)?.actor?.stop();
    this.live.delete(key);
    this.hot.delete(key);
  }

  /** The conversation's actor, made again from its resting text when it has none; it becomes the most recently active. */
  private wake(key: string, live: LiveConversation): Actor<AnyStateMachine> {
    if (!live.actor) {
      if (live.resting === null) throw new Error('A live conversation has neither an actor nor a resting text.');
      live.actor = this.started(key, JSON.parse(live.resting));
    }
    this.hot.delete(key);
    this.hot.set(key, live);
    return live.actor;
  }

  /**
   * Puts the least recently active conversations beyond `hotSize` to rest (at 0, every conversation
   * rests between its turns). One in the middle of a turn keeps its actor and goes to the back.
   */
  private coolDown(): void {
    const limit = this.options.hotSize ?? 2_000;
    for (let looked = this.hot.size; this.hot.size > limit && looked > 0; looked--) {
      const [key, oldest] = this.hot.entries().next().value as [string, LiveConversation];
      this.hot.delete(key);
      if (oldest.turning) this.hot.set(key, oldest);
      else this.rest(key, oldest);
    }
  }

  /** A running actor from a snapshot as stored or resting (`restorable` fills back what either leaves out). */
  private started(key: string, snapshot: unknown): Actor<AnyStateMachine> {
    const { spec } = this.options;
    const actor = createActor(spec.machine, { snapshot: (spec.restorable ? spec.restorable(snapshot) : snapshot) as never, input: spec.input(key) as never });
    actor.start();
    return actor;
  }

  /** Puts the conversation to rest as the text of its snapshot (which keeps what is held only in memory). */
  private rest(key: string, live: LiveConversation): void {
    if (!live.actor) return;
    const { spec } = this.options;
    const persisted = live.actor.getPersistedSnapshot();
    live.resting = JSON.stringify(spec.compact ? spec.compact(persisted) : persisted);
    this.dropActor(key, live);
  }

  private dropActor(key: string, live: LiveConversation): void {
    live.actor?.stop();
    live.actor = null;
    this.hot.delete(key);
  }
}

function looksLikeSnapshot(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  return s.status === 'active' && s.value !== undefined && typeof s.context === 'object' && typeof s.children === 'object' && s.children !== null;
}

/** A short, non-reversible label for a conversation key, for logs (keys contain user ids). */
export function hashKey(key: string): string {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}

function errorSummary(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error';
}

