import { randomUUID } from 'node:crypto';
import readline from 'node:readline';
import type { Readable } from 'node:stream';
import type { App } from '../bot/app.js';
import type { ChannelSender, InboundMessage } from '../bot/channel.js';
import { parseCommand, textEvent } from '../bot/commands.js';
import { EMPTY_META, type ConversationContext, type TurnMeta } from '../flows/conversation-machine.js';
import type { ResidentEvent } from '../flows/events.js';
import type { StaffRelay } from '../flows/staff-relay.js';
import { isLocale, type Locale } from '../locales/catalog.js';

/** One input line of `fayuan chat --jsonl`. */
export interface JsonlInput {
  user: string;
  event: ResidentEvent;
  locale?: Locale;
}

/** One output line: a reply, with what the conversation understood (read from the machine, not recomputed). */
export interface JsonlReply {
  user: string;
  turn: number;
  key: string;
  text: string;
  choices: { id: string; label: string }[];
  /** The choices form a checklist finished by `doneId`: answer it with one `{"user","choices":[…]}` line. */
  multiSelect?: { doneId: string };
  meta: { state: string } & TurnMeta;
}

const USER = /^[\w.-]{1,64}$/;

/**
 * Reads a line: `{"user","text"}`, `{"user","choice"}` or `{"user","command"}`, with an optional
 * `"locale"` hint; a line that is not JSON is text from `defaultUser`. Returns an error message for bad lines.
 */
export function parseJsonlLine(line: string, defaultUser: string): JsonlInput | { error: string } | null {
  const trimmed = line.trim();
  if (trimmed === '') return null;
  if (!trimmed.startsWith('{')) return { user: defaultUser, event: textEvent(trimmed) };
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(trimmed) as Record<string, unknown>;
  } catch {
    return { error: 'not valid JSON' };
  }
  const user = value.user === undefined ? defaultUser : value.user;
  if (typeof user !== 'string' || !USER.test(user)) return { error: '"user" must be letters, digits, . _ - (at most 64)' };
  const locale = isLocale(value.locale) ? { locale: value.locale } : {};
  // Typed text as every channel reads it: "/lang" typed is the command, as on Telegram or the web.
  if (typeof value.text === 'string') return { user, event: textEvent(value.text), ...locale };
  if (typeof value.choice === 'string') return { user, event: { type: 'user.choice', id: value.choice }, ...locale };
  // A finished multi-select checklist (TEAM.md contract 1), as the web chat sends it.
  if (Array.isArray(value.choices) && value.choices.every((id) => typeof id === 'string')) {
    return { user, event: { type: 'user.choices', ids: value.choices as string[] }, ...locale };
  }
  if (typeof value.command === 'string') {
    const command = parseCommand(value.command.startsWith('/') ? value.command : `/${value.command}`);
    return command ? { user, event: command, ...locale } : { error: `unknown command ${value.command}` };
  }
  return { error: 'a line needs "text", "choice", "choices" or "command"' };
}

/** `{ intake: 'active' }` → `intake.active`. */
function statePath(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const [key, inner] = Object.entries(value)[0] ?? [];
    return key === undefined ? '' : `${key}.${statePath(inner)}`.replace(/\.$/, '');
  }
  return '';
}

/**
 * The machine-readable chat: each input goes through the same runner as every channel (durable
 * before it is reported), and each reply comes back with the conversation's state and what it
 * understood. Lines of one user run in order; different users run concurrently.
 */
export class JsonlChat {
  private readonly chains = new Map<string, Promise<unknown>>();
  private readonly sink: ChannelSender = { send: async () => undefined };
  private readonly runId = randomUUID().slice(0, 8);

  constructor(private readonly app: App) {
    // Replies are reported from the runner's result; the outbox copy is marked delivered.
    app.dispatcher.register('console', this.sink);
  }

  /** Handles one input (after the user's previous ones) and resolves with its reply lines. */
  async handle(input: JsonlInput, turn: number): Promise<JsonlReply[]> {
    return (await this.handleWithRelays(input, turn)).replies;
  }

  /** {@link handle}, also returning what the turn passed to staff (for the transcript tests). */
  handleWithRelays(input: JsonlInput, turn: number): Promise<{ replies: JsonlReply[]; relays: StaffRelay[] }> {
    const previous = this.chains.get(input.user) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.turn(input, turn));
    this.chains.set(input.user, next);
    return next;
  }

  private async turn(input: JsonlInput, turn: number): Promise<{ replies: JsonlReply[]; relays: StaffRelay[] }> {
    const message: InboundMessage = {
      channel: 'console',
      userId: input.user,
      address: input.user,
      // Unique across runs: a later run on the same data folder must not be dropped as a repeat of an earlier one.
      messageId: `jsonl-${this.runId}-${turn}`,
      event: input.event,
      ...(input.locale ? { locale: input.locale } : {}),
    };
    const result = await this.app.runner.handle(message);
    const snapshot = await this.app.runner.inspect('console', input.user);
    const context = snapshot?.context as ConversationContext | undefined;
    const meta = { state: statePath(snapshot?.value), ...EMPTY_META, ...(context?.meta ?? {}) };
    // The category recognised this turn, or else the one recorded for the application under way.
    meta.category ??= await this.recordedCategory(input.user);
    const relays = result.outbound.flatMap((m) => (m.payload.kind === 'staff' ? [m.payload.relay] : []));
    return { replies: result.replies.map((r) => ({ user: input.user, turn, key: r.key ?? '', text: r.text, choices: r.choices, ...(r.multiSelect ? { multiSelect: r.multiSelect } : {}), meta })), relays };
  }

  /** The category the running intake has recorded, read from the conversation's stored snapshot. */
  private async recordedCategory(user: string): Promise<TurnMeta['category']> {
    const stored = await this.app.repos.conversations.load(`console:${user}`);
    const intake = (stored?.snapshot as { children?: Record<string, { snapshot?: { context?: { facts?: { category?: unknown } } } }> } | null)?.children?.intake;
    const category = intake?.snapshot?.context?.facts?.category;
    return typeof category === 'string' ? (category as TurnMeta['category']) : null;
  }

  /** Reads lines until the input ends, writes one JSON line per reply, and resolves after the last reply. */
  async run(input: Readable, write: (line: string) => void, defaultUser: string, warn: (line: string) => void): Promise<void> {
    let turn = 0;
    const pending: Promise<void>[] = [];
    for await (const line of readline.createInterface({ input, crlfDelay: Infinity })) {
      turn++;
      const parsed = parseJsonlLine(line, defaultUser);
      if (parsed === null) continue;
      if ('error' in parsed) {
        warn(`line ${turn}: ${parsed.error}`);
        continue;
      }
      const n = turn;
      pending.push(
        this.handle(parsed, n).then(
          (replies) => replies.forEach((r) => write(JSON.stringify(r))),
          (error: unknown) => warn(`line ${n}: the message could not be handled (${error instanceof Error ? error.message : 'unknown error'})`),
        ),
      );
    }
    await Promise.all(pending);
  }
}
