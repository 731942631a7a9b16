import type { App } from '../app.js';
import { conversationKey, DeliveryError, MAX_MESSAGE_CHARS, type ChannelSender, type InboundMessage, type OutboundMessage } from '../channel.js';
import { textEvent } from '../commands.js';
import { hashKey, type RunnerResult } from '../conversation-runner.js';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../../locales/catalog.js';
import { translate } from '../../locales/render.js';
import { historyEntries, openQuestion, withoutPending } from './history.js';
import type { Connection, ResidentSockets } from './resident-sockets.js';
import { safeFileName } from '../save-attachment.js';
import type { ReceivedFrame } from './web-chat-adapter.js';
import type { ServerFrame } from './web-protocol.js';
import { WebChatLimiters, type WebChatLimits } from './rate-limits.js';

/** Timings of the web chat channel; the defaults suit production. */
export interface WebChatChannelOptions {
  /**
   * How long a reply waits for a closed page to come back before the outbox is told to retry.
   * It covers a reload or a phone waking up, so replies arrive at once instead of after a back-off.
   */
  offlineWaitMs?: number;
  /** How long a page has to confirm a reply before it counts as not delivered. */
  receiptTimeoutMs?: number;
  /** How many transcript entries a reloaded page shows. */
  historyLimit?: number;
  /** Limits against abuse (tests lower them). */
  limits?: Partial<WebChatLimits>;
}

type ResidentEvent = InboundMessage['event'];

/**
 * The web chat's half of the conversation: frames from the page become runner events, and the outbox's
 * replies are written to the resident's open pages. No business logic: the runner decides what to say.
 */
export class WebChatChannel implements ChannelSender {
  private readonly closing = new AbortController();
  /** The limits against abuse, shared with the HTTP routes. */
  readonly limiters: WebChatLimiters;

  constructor(
    private readonly app: App,
    private readonly sockets: ResidentSockets,
    private readonly options: WebChatChannelOptions = {},
  ) {
    this.limiters = new WebChatLimiters({
      messagesPerAddress: { limit: app.config.privacy.messagesPerAddressPerMinute, windowMs: 60_000 },
      newConversationsPerAddress: { limit: app.config.privacy.newConversationsPerAddressPerHour, windowMs: 3_600_000 },
      ...options.limits,
    });
  }

  /** Called by the outbox, inside or outside a request. Throws {@link DeliveryError} while no page is open. */
  async send(message: OutboundMessage): Promise<void> {
    if (message.payload.kind === 'staff') throw new DeliveryError('Staff relays do not go to a web chat page.', { permanent: true });
    const resident = message.address;
    const ready = await this.sockets.waitForReady(resident, this.options.offlineWaitMs ?? 20_000, this.closing.signal);
    const pages = ready ? this.sockets.readyFor(resident) : [];
    if (pages.length === 0) throw new DeliveryError('The resident has no web chat page open; the outbox will try again.', { offline: true });
    const { payload } = message;
    const frame: ServerFrame & { id: number } =
      payload.kind === 'text'
        ? { type: 'bot', id: message.id, text: payload.text, choices: payload.choices, ...(payload.multiSelect ? { multiSelect: payload.multiSelect } : {}) }
        : {
            type: 'file',
            id: message.id,
            fileName: payload.fileName,
            mimeType: payload.mimeType,
            ...(payload.caption ? { caption: payload.caption } : {}),
          };
    const received = await Promise.all(pages.map((page) => page.deliver(frame, this.options.receiptTimeoutMs ?? 10_000)));
    if (!received.includes(true)) throw new DeliveryError('No web chat page confirmed the reply; the outbox will try again.');
  }

  /** Handles one frame from a page. The error boundary of the web chat: failures are logged by id and the resident is told, kindly, to try again. */
  async receive(frame: ReceivedFrame): Promise<void> {
    const page = this.sockets.get(frame.connection);
    if (!page || this.closing.signal.aborted) return;
    const fromResident = !['hello', 'welcome_back', 'resume', 'received'].includes(frame.type);
    if (fromResident && !this.limiters.message(page.id, page.address)) {
      this.app.logger.warn({ channel: 'web', conversation: hashKey(conversationKey('web', frame.user)) }, 'message limit reached');
      await page.send({ type: 'failed', mid: frame.mid, text: translate('privacy.limit.messages', await this.localeOf(frame.user)) });
      return;
    }
    try {
      switch (frame.type) {
        case 'hello':
        case 'welcome_back':
          await this.open(page, frame.user, frame.locale);
          return;
        case 'resume':
          this.sockets.markReady(page);
          this.app.dispatcher.wake('web', frame.user);
          await this.tellLocale(frame.user, [page]);
          return;
        case 'message':
          await this.answer(page, frame.mid, textEvent(frame.text));
          return;
        case 'too_long':
          await page.send({ type: 'failed', mid: frame.mid, text: translate('web.message.too_long', await this.localeOf(frame.user), { max: MAX_MESSAGE_CHARS }) });
          return;
        case 'choice':
          await this.answer(page, frame.mid, { type: 'user.choice', id: frame.id });
          return;
        case 'choices':
          await this.answer(page, frame.mid, { type: 'user.choices', ids: frame.ids });
          return;
        case 'received':
          return; // handled by the adapter
        case 'refused_attachment':
          await this.answer(page, frame.mid, {
            type: 'user.refused_attachment',
            reason: frame.reason,
            ...(frame.fileName !== undefined ? { fileName: safeFileName(frame.fileName) } : {}),
          });
          return;
      }
    } catch (error) {
      this.app.logger.error(
        { channel: 'web', conversation: hashKey(conversationKey('web', frame.user)), frame: frame.type, err: error instanceof Error ? error.name : 'unknown' },
        'web chat message failed',
      );
      const text = translate('core.error.try_again', await this.localeOf(frame.user).catch(() => DEFAULT_LOCALE));
      await page.send({ type: 'failed', mid: frame.mid, text });
    }
  }

  /**
   * Runs a resident's event through the conversation runner (resolving once the turn is durable),
   * then tells their pages which language the conversation is in now. Used by frames and uploads.
   */
  async submit(resident: string, messageId: string | undefined, event: ResidentEvent, locale?: Locale): Promise<RunnerResult> {
    const result = await this.app.runner.handle({
      channel: 'web',
      userId: resident,
      address: resident,
      ...(messageId !== undefined ? { messageId } : {}),
      ...(locale !== undefined ? { locale } : {}),
      event,
    });
    await this.tellLocale(resident, this.sockets.readyFor(resident));
    return result;
  }

  /** Stops taking frames and gives up waiting for closed pages. */
  close(): void {
    this.closing.abort();
  }

  /** A page (re)loaded: show the recent history; when nothing in it says where the resident is, let the conversation say it. */
  private async open(page: Connection, resident: string, locale: Locale | undefined): Promise<void> {
    const { conversations, outbox } = this.app.repos;
    const key = conversationKey('web', resident);
    const [transcript, pending] = await Promise.all([
      conversations.recentTranscript(key, this.options.historyLimit ?? 60),
      outbox.pendingOutboxFor(key),
    ]);
    // Delivered replies whose sent mark is still being written are history, not still to come.
    const waiting = pending.filter((m) => !this.app.dispatcher.delivered(m.id)).map((m) => m.payload);
    const shown = withoutPending(transcript, waiting);
    // The history ends with the question the conversation waits on: show it once, with its buttons, rather than
    // piling a greeting and the question again into the page and the stored history. Replies still waiting in the
    // outbox arrive live; when one has buttons of its own, those are the ones that count.
    const open = openQuestion(transcript);
    const liveButtons = waiting.some((p) => Array.isArray((p as { choices?: unknown } | null)?.choices) && (p as { choices: unknown[] }).choices.length > 0);
    const buttons = open && !liveButtons && open.choices.length > 0 ? open : {};
    // The page starts in Chinese: it learns the conversation's language before the history, so earlier messages
    // are marked (and read out) in the language they are written in, as the greeting below is.
    const state = await this.app.runner.inspect('web', resident);
    if (state) await this.tellLocale(resident, [page]);
    // Ready at once (not after the history's write): a reply delivered to another page in between would be missing
    // from both this page's history and its live frames. The socket keeps order, so the history still comes first.
    const history = page.send({ type: 'history', entries: historyEntries(shown), ...buttons });
    this.sockets.markReady(page);
    await history;
    // Replies that waited for the resident to come back go now, not at their next retry.
    this.app.dispatcher.wake('web', resident);
    if (open) return;
    // The browser's language only matters to a conversation this event starts.
    if (!state && locale !== undefined) await page.send({ type: 'locale', locale });
    await this.submit(resident, undefined, { type: 'user.returned' }, locale);
  }

  private async answer(page: Connection, mid: string, event: ResidentEvent): Promise<void> {
    await this.submit(page.resident!, mid, event);
    await page.send({ type: 'ack', mid });
  }

  private async tellLocale(resident: string, pages: Connection[]): Promise<void> {
    if (pages.length === 0) return;
    const locale = await this.localeOf(resident);
    await Promise.all(pages.map((page) => page.send({ type: 'locale', locale })));
  }

  /** The language of the resident's conversation (zh-CN for one not started). */
  async localeOf(resident: string): Promise<Locale> {
    const state = await this.app.runner.inspect('web', resident);
    const locale = (state?.context as { locale?: unknown } | undefined)?.locale;
    return isLocale(locale) ? locale : DEFAULT_LOCALE;
  }
}
