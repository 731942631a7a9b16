import type { Context } from 'telegraf';
import type { Message } from 'telegraf/types';
import { readMessage } from '../telegram/read-message.js';
import { saveTelegramFile } from '../telegram/save-telegram-file.js';
import { errorName } from '../telegram/update-handler.js';
import { parseStaffChoice } from './case-card.js';
import { staffCommandReply } from './staff-commands.js';
import { parsePromptButton, StaffCaseButtons } from './telegram-staff-cases.js';
import { postText, staffMember, type StaffChatContext } from './telegram-staff-chat.js';
import type { StaffHandoffs } from './telegram-staff-handoffs.js';
import { RELEASE_ID, TAKE_ID } from './telegram-staff-sender.js';
import type { StaffMember } from './telegram-staff-store.js';
import { staffText } from './telegram-staff-texts.js';

/** Commands the staff chat answers; anything else (another bot's command) is left alone. */
const COMMANDS = new Set(['queue', 'case', 'mine', 'stats', 'help', 'start', 'release']);
/** Posted messages a staff reply is passed on from: a resident's own words, never a case card. */
const RELAY_KINDS = new Set(['handoff', 'relay', 'callback', 'taken']);

export interface StaffUpdateDeps {
  chat: StaffChatContext;
  handoffs: StaffHandoffs;
  /** Whether a Telegram user may act as staff. */
  isStaff: (userId: number) => Promise<boolean>;
}

/**
 * Handles every update from the staff chat (the `onStaffUpdate` hook of `startTelegram`): button
 * presses on case cards, prompts and hand-off cards; staff commands; replies to prompts; and replies
 * to a resident's relayed messages, which go to the resident. Only staff may act: anyone else is
 * refused and logged by user id. Ordinary chat between staff is ignored.
 */
export function createStaffUpdateHandler(deps: StaffUpdateDeps): (ctx: Context) => Promise<void> {
  const { chat, handoffs, isStaff } = deps;
  const cases = new StaffCaseButtons(chat);

  async function refuse(ctx: Context, userId: number): Promise<void> {
    chat.logger.warn({ updateId: ctx.update.update_id, userId }, 'refused a staff-chat action by someone who is not staff');
    const text = staffText('staffchat.refused');
    if (ctx.callbackQuery) await ctx.answerCbQuery(text, { show_alert: true }).catch(() => undefined);
    else if (ctx.message) await postText(ctx.telegram, chat.chatId, text, { replyTo: ctx.message.message_id });
  }

  async function onButton(ctx: Context, staff: StaffMember): Promise<void> {
    const query = ctx.callbackQuery!;
    const data = 'data' in query ? query.data : '';
    const messageId = query.message?.message_id;
    let answer: { text?: string; alert?: boolean } = {};
    try {
      if (data === TAKE_ID || data === RELEASE_ID) {
        const about = messageId === undefined ? undefined : await chat.store.findMessage(chat.chatId, messageId);
        if (!about) answer = { text: staffText('staffchat.handoff.gone'), alert: true };
        else {
          const outcome =
            data === TAKE_ID
              ? await handoffs.take(ctx.telegram, about.conversationKey, staff, messageId)
              : await handoffs.release(ctx.telegram, about.conversationKey, staff, messageId);
          answer = { text: outcome.text.split('\n')[0]!, alert: !outcome.ok };
        }
      } else if (parseStaffChoice(data)) {
        const feedback = await cases.onChoice(ctx.telegram, parseStaffChoice(data)!, staff, messageId);
        answer = { ...(feedback.answer ? { text: feedback.answer } : {}), ...(feedback.alert ? { alert: true } : {}) };
      } else if (parsePromptButton(data)) {
        const feedback = await cases.onPromptButton(ctx.telegram, parsePromptButton(data)!, staff);
        answer = { ...(feedback.answer ? { text: feedback.answer } : {}), ...(feedback.alert ? { alert: true } : {}) };
      }
    } catch (error) {
      chat.logger.error({ updateId: ctx.update.update_id, err: errorName(error) }, 'a staff button press failed');
      answer = { text: staffText('staffchat.error'), alert: true };
    } finally {
      // The spinner stops in every case; a pop-up is at most 200 characters.
      await ctx
        .answerCbQuery(answer.text?.slice(0, 200), answer.alert ? { show_alert: true } : {})
        .catch((error: unknown) => chat.logger.debug({ updateId: ctx.update.update_id, err: errorName(error) }, 'could not answer a staff button press'));
    }
  }

  async function onMessage(ctx: Context, message: Message): Promise<void> {
    const from = message.from;
    if (!from || from.is_bot) return;
    const text = 'text' in message ? message.text : undefined;
    const command = text ? commandOf(text, ctx.botInfo?.username) : undefined;
    const replyTo = 'reply_to_message' in message ? message.reply_to_message?.message_id : undefined;
    const prompt = replyTo === undefined ? undefined : await chat.store.promptByMessage(chat.chatId, replyTo);
    const about = replyTo === undefined || prompt ? undefined : await chat.store.findMessage(chat.chatId, replyTo);
    const relayable = about !== undefined && RELAY_KINDS.has(about.kind);
    if (!command && !prompt && !relayable) return;
    if (!(await isStaff(from.id))) return refuse(ctx, from.id);
    const staff = staffMember(from);

    if (command === 'release') {
      if (relayable) {
        const outcome = await handoffs.release(ctx.telegram, about.conversationKey, staff, message.message_id);
        if (!outcome.ok) await postText(ctx.telegram, chat.chatId, outcome.text, { replyTo: message.message_id });
      } else await postText(ctx.telegram, chat.chatId, staffText('staffchat.help'), { replyTo: message.message_id });
      return;
    }
    if (command) {
      const { app } = chat;
      const deps = { cases: app.services.cases, pack: app.services.pack, attachments: app.repos.attachments, ...(app.repos.staff ? { accounts: app.repos.staff.accounts } : {}) };
      const reply = await staffCommandReply(deps, text!.replace(/^(\/\w+)@\w+/, '$1'), staff.name, chat.now());
      const answer = reply ?? { text: staffText('staffchat.help'), choices: [] };
      await postText(ctx.telegram, chat.chatId, answer.text, { choices: answer.choices, replyTo: message.message_id });
      return;
    }
    if (prompt) return cases.onPromptReply(ctx.telegram, prompt, text, staff, message.message_id);
    const outcome = await relayToResident(ctx, message, about!.conversationKey, staff);
    if (outcome && !outcome.ok) await postText(ctx.telegram, chat.chatId, outcome.text, { replyTo: message.message_id });
  }

  async function relayToResident(ctx: Context, message: Message, key: string, staff: StaffMember) {
    const read = readMessage(message);
    if (!read) return undefined;
    if (read.kind === 'event') {
      if (read.event.type === 'user.text') return handoffs.relay(ctx.telegram, key, staff, { text: read.event.text }, message.message_id);
      if (read.event.type === 'user.command') {
        const text = `/${read.event.command}${read.event.arg ? ` ${read.event.arg}` : ''}`;
        return handoffs.relay(ctx.telegram, key, staff, { text }, message.message_id);
      }
      return { ok: false as const, text: staffText('staffchat.relay.unsupported') };
    }
    const { attachments, attachmentsDir } = chat.app.config;
    const saved = await saveTelegramFile(read.file, { telegram: ctx.telegram, dir: attachmentsDir, maxBytes: attachments.maxBytes, allowedTypes: attachments.allowedTypes });
    if (!saved.saved) return { ok: false as const, text: staffText('staffchat.relay.file_refused', { reason: saved.reason }) };
    const sent = await handoffs.relay(ctx.telegram, key, staff, { attachment: saved.attachment }, message.message_id);
    // A caption typed with the file is passed on after it.
    const caption = 'caption' in message ? message.caption?.trim() : undefined;
    if (sent || !caption) return sent;
    return handoffs.relay(ctx.telegram, key, staff, { text: caption }, message.message_id);
  }

  return async (ctx) => {
    const from = ctx.from;
    if (ctx.callbackQuery) {
      if (!from) return;
      if (!(await isStaff(from.id))) return refuse(ctx, from.id);
      return onButton(ctx, staffMember(from));
    }
    const message = ctx.message;
    if (!message) return;
    try {
      await onMessage(ctx, message);
    } catch (error) {
      // The error boundary of the staff chat: ids only in the log, and the staff member is told.
      chat.logger.error({ updateId: ctx.update.update_id, err: errorName(error) }, 'a staff message could not be handled');
      await postText(ctx.telegram, chat.chatId, staffText('staffchat.error'), { replyTo: message.message_id }).catch(() => undefined);
    }
  };
}

/** The name of a staff command in `text` (`/queue`, `/queue@thisbot`), if it is one of ours. */
function commandOf(text: string, botUsername: string | undefined): string | undefined {
  const match = /^\/([a-z]+)(?:@(\w+))?(?:\s|$)/i.exec(text.trim());
  if (!match) return undefined;
  const name = match[1]!.toLowerCase();
  if (!COMMANDS.has(name)) return undefined;
  if (match[2] && botUsername && match[2].toLowerCase() !== botUsername.toLowerCase()) return undefined;
  return name;
}
