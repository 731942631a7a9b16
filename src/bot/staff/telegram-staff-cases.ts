import type { Telegram } from 'telegraf';
import type { InlineKeyboardMarkup } from 'telegraf/types';
import { allowedActions, type CaseAction } from '../../knowledge/cases/case-lifecycle.js';
import { nameIn } from '../../knowledge/cases/case-pack.js';
import type { PolicyPack } from '../../knowledge/policy/types.js';
import type { CaseRecord } from '../../knowledge/cases/case-repository.js';
import { errorName } from '../telegram/update-handler.js';
import { inlineKeyboard } from '../telegram/telegram-sender.js';
import { performCaseAction, type CaseActionResult } from '../../staff/case-actions.js';
import { staffActionNeeds, type StaffButtonAction, type StaffChoice } from './case-card.js';
import { caseReply, actionResultText } from './staff-commands.js';
import { staffNames } from '../../staff/staff-names.js';
import { staffCaseCard } from './telegram-staff-card.js';
import { postText, type StaffChatContext } from './telegram-staff-chat.js';
import type { StaffMember, StaffPrompt } from './telegram-staff-store.js';
import { staffText } from './telegram-staff-texts.js';

/** A follow-up question stays answerable this long. */
const PROMPT_TTL_MS = 24 * 3_600_000;
/** At most this many documents are offered as buttons. */
const MAX_DOCUMENTS = 24;
/** Destinations a case can be referred to besides the pack's offices. */
const MEDIATION = 'mediation';

/** What the staff member who pressed a button or replied is told. */
export interface StaffFeedback {
  /** Shown to them alone (a button's pop-up); refusals are shown as an alert. */
  answer?: string;
  alert?: boolean;
}

/** A press on a prompt's own buttons: `doc:<prompt>:<index>|send`, `dst:<prompt>:<index>`, `prm:<prompt>:cancel`. */
export function parsePromptButton(data: string): { prompt: number; kind: 'doc' | 'dst' | 'prm'; arg: string } | undefined {
  const match = /^(doc|dst|prm):(\d+):(\w+)$/.exec(data);
  return match ? { kind: match[1] as 'doc' | 'dst' | 'prm', prompt: Number(match[2]), arg: match[3]! } : undefined;
}

/**
 * Case cards in the staff chat: buttons that act at once (claim, materials received, close), buttons
 * that first ask (accept → the lawyer's name, decline → the reason, refer → where, materials → which
 * documents, picked with toggles and sent as one notice), and refreshing a card after a change.
 * Every change goes through `performCaseAction`, which notifies the resident in the same transaction.
 */
export class StaffCaseButtons {
  constructor(private readonly chat: StaffChatContext) {}

  /** A press on a case card button (`staff:<action>:<ref>`), on the card `cardMessageId`. */
  async onChoice(telegram: Telegram, choice: StaffChoice, staff: StaffMember, cardMessageId: number | undefined): Promise<StaffFeedback> {
    const { cases } = this.chat.app.services;
    if (choice.kind === 'show') {
      const card = await caseReply(this.deps(), choice.ref, this.chat.now());
      await postText(telegram, this.chat.chatId, card.text, { choices: card.choices });
      return {};
    }
    const needs = staffActionNeeds(choice.action);
    if (needs === null) {
      const result = await this.perform(choice.ref, { type: choice.action } as CaseAction, staff);
      return this.report(telegram, choice.ref, result, cardMessageId);
    }
    const record = await cases.get(choice.ref);
    const refusal = refusalFor(record, choice.action, choice.ref);
    if (refusal) return { answer: refusal, alert: true };
    await this.ask(telegram, record!, needs, staff, cardMessageId);
    return {};
  }

  /** A press on a prompt's own buttons: a document toggled, the notice sent, a destination picked, cancel. */
  async onPromptButton(telegram: Telegram, press: NonNullable<ReturnType<typeof parsePromptButton>>, staff: StaffMember): Promise<StaffFeedback> {
    const prompt = await this.chat.store.prompt(press.prompt);
    const problem = this.promptProblem(prompt, staff);
    if (problem) return { answer: problem, alert: true };
    const { store, chatId } = this.chat;
    if (press.kind === 'prm') {
      if (await store.deletePrompt(prompt!.id)) await clearKeyboard(telegram, chatId, prompt!.messageId);
      return { answer: staffText('staffchat.prompt.cancelled') };
    }
    if (press.kind === 'doc' && press.arg !== 'send') {
      const toggled = await store.togglePromptOption(prompt!.id, Number(press.arg));
      if (toggled?.messageId != null) {
        await telegram
          .editMessageReplyMarkup(chatId, toggled.messageId, undefined, inlineKeyboard(this.documentChoices(toggled)))
          .catch((error: unknown) => this.chat.logger.debug({ err: errorName(error) }, 'could not update the document picker'));
      }
      return {};
    }
    let action: CaseAction;
    if (press.kind === 'doc') {
      const documents = prompt!.selected.map((i) => prompt!.options[i]).filter((d): d is string => d !== undefined);
      if (documents.length === 0) return { answer: staffText('staffchat.documents.none_selected'), alert: true };
      action = { type: 'request_materials', documents };
    } else {
      const destination = prompt!.options[Number(press.arg)];
      if (destination === undefined) return {};
      action = { type: 'refer', note: this.destinationName(destination) };
    }
    // Deleting first makes a double press act once.
    if (!(await store.deletePrompt(prompt!.id))) return { answer: staffText('staffchat.prompt.expired'), alert: true };
    await clearKeyboard(telegram, chatId, prompt!.messageId);
    const result = await this.perform(prompt!.ref, action, staff);
    return this.report(telegram, prompt!.ref, result, prompt!.cardMessageId ?? undefined);
  }

  /** A typed reply to a prompt: the lawyer's name, the reason for declining, or where the case goes. */
  async onPromptReply(telegram: Telegram, prompt: StaffPrompt, text: string | undefined, staff: StaffMember, replyTo: number): Promise<void> {
    const problem = this.promptProblem(prompt, staff) ?? (text?.trim() ? undefined : staffText('staffchat.prompt.text_only'));
    if (problem || prompt.kind === 'documents') {
      if (problem) await postText(telegram, this.chat.chatId, problem, { replyTo });
      return;
    }
    const value = text!.trim();
    const action: CaseAction =
      prompt.kind === 'lawyer' ? { type: 'accept', lawyer: value } : prompt.kind === 'reason' ? { type: 'decline', note: value } : { type: 'refer', note: value };
    if (!(await this.chat.store.deletePrompt(prompt.id))) return;
    await clearKeyboard(telegram, this.chat.chatId, prompt.messageId);
    const result = await this.perform(prompt.ref, action, staff);
    const feedback = await this.report(telegram, prompt.ref, result, prompt.cardMessageId ?? undefined, replyTo);
    if (feedback.alert && feedback.answer) await postText(telegram, this.chat.chatId, feedback.answer, { replyTo });
  }

  private deps() {
    const { app } = this.chat;
    return {
      cases: app.services.cases,
      pack: app.services.pack,
      attachments: app.repos.attachments,
      dispatcher: app.dispatcher,
      logger: this.chat.logger,
      ...(app.repos.staff ? { accounts: app.repos.staff.accounts } : {}),
    };
  }

  private async perform(ref: string, action: CaseAction, staff: StaffMember): Promise<CaseActionResult> {
    const result = await performCaseAction(this.deps(), ref, action, { kind: 'staff', name: staff.name }, this.chat.now());
    // The audit log holds ids, never names: the Telegram user id of the member of staff.
    await this.chat.app.repos.staff?.audit.record({
      at: this.chat.now(),
      accountId: null,
      action: `case.${action.type}`,
      target: ref,
      outcome: result.ok ? 'ok' : 'refused',
      detail: `telegram:${staff.userId}${result.ok ? '' : ` ${result.reason}`}`,
    });
    return result;
  }

  /** Posts a change for everyone (under the card, or under `replyTo`) and refreshes the card; a refusal goes to the presser only. */
  private async report(telegram: Telegram, ref: string, result: CaseActionResult, cardMessageId?: number, replyTo?: number): Promise<StaffFeedback> {
    const text = actionResultText(result, ref);
    if (!result.ok) return { answer: text, alert: true };
    const under = replyTo ?? cardMessageId;
    await postText(telegram, this.chat.chatId, text, under !== undefined ? { replyTo: under } : {});
    if (cardMessageId !== undefined) await this.refreshCard(telegram, result.record, cardMessageId);
    return { answer: text.split('\n')[0]! };
  }

  /** Rewrites a card after a change: its status line and buttons follow the case. */
  private async refreshCard(telegram: Telegram, record: CaseRecord, messageId: number): Promise<void> {
    const deps = this.deps();
    const [events, attachments, nameOf] = await Promise.all([
      deps.cases.events(record.ref),
      deps.attachments.forCase(record.ref),
      staffNames(this.chat.app.repos.staff?.accounts),
    ]);
    const card = staffCaseCard(record, { pack: deps.pack, now: this.chat.now(), events, attachments, nameOf });
    const keyboard: InlineKeyboardMarkup = card.choices.length > 0 ? inlineKeyboard(card.choices) : { inline_keyboard: [] };
    try {
      await telegram.editMessageText(this.chat.chatId, messageId, undefined, card.text, { reply_markup: keyboard });
    } catch {
      // A card too long to edit, or one Telegram no longer lets us edit: at least the buttons follow the case.
      await telegram
        .editMessageReplyMarkup(this.chat.chatId, messageId, undefined, keyboard)
        .catch((error: unknown) => this.chat.logger.debug({ case: record.ref, err: errorName(error) }, 'could not refresh a case card'));
    }
  }

  private async ask(telegram: Telegram, record: CaseRecord, needs: 'documents' | 'lawyer' | 'reason' | 'destination', staff: StaffMember, cardMessageId?: number): Promise<void> {
    const { store, chatId } = this.chat;
    const options = needs === 'documents' ? this.documentOptions(record) : needs === 'destination' ? this.destinations(record) : [];
    const prompt = await store.createPrompt({ chatId, cardMessageId: cardMessageId ?? null, staff, ref: record.ref, kind: needs, options, createdAt: this.chat.now() });
    const cancel = { id: `prm:${prompt.id}:cancel`, label: staffText('staffchat.button.cancel') };
    const question = (key: string) => staffText('staffchat.ask.for', { name: staff.name, question: staffText(key, { ref: record.ref }) });
    let posted;
    if (needs === 'documents') {
      const text = `${record.ref}\n${question('staff.ask.documents')}`;
      posted = await postText(telegram, chatId, text, { choices: this.documentChoices(prompt), ...(cardMessageId !== undefined ? { replyTo: cardMessageId } : {}) });
    } else if (needs === 'destination') {
      const choices = [...options.map((o, i) => ({ id: `dst:${prompt.id}:${i}`, label: this.destinationName(o) })), cancel];
      posted = await postText(telegram, chatId, question('staffchat.ask.refer_hint'), { choices, ...(cardMessageId !== undefined ? { replyTo: cardMessageId } : {}) });
    } else {
      const key = needs === 'lawyer' ? 'staff.ask.lawyer' : 'staff.ask.decline_reason';
      posted = await postText(telegram, chatId, `${record.ref}\n${question(key)}`, { forceReply: record.ref, ...(cardMessageId !== undefined ? { replyTo: cardMessageId } : {}) });
    }
    await store.setPromptMessage(prompt.id, posted.at(-1)!.message_id);
  }

  /** One toggle per document (✅ when picked), then Send and Cancel. */
  private documentChoices(prompt: Pick<StaffPrompt, 'id' | 'options' | 'selected'>): { id: string; label: string }[] {
    const { pack } = this.chat.app.services;
    return [
      ...prompt.options.map((id, i) => ({
        id: `doc:${prompt.id}:${i}`,
        label: `${prompt.selected.includes(i) ? '✅' : '☐'} ${nameIn(pack.documents, id)['zh-CN']}`,
      })),
      { id: `doc:${prompt.id}:send`, label: staffText('staff.ask.documents_send') },
      { id: `prm:${prompt.id}:cancel`, label: staffText('staffchat.button.cancel') },
    ];
  }

  /**
   * The documents staff can ask for: the ones the assessment listed, then everything the pack asks of
   * every application, of this category and of means-tested applicants.
   */
  private documentOptions(record: CaseRecord): string[] {
    const pack = this.chat.app.services.pack as PolicyPack;
    const req = pack.requirements;
    const byCategory = (req.byCategory as Record<string, string[] | undefined>)[record.category] ?? req.otherwise;
    const known = new Set(pack.documents.map((d) => d.id));
    return [...new Set([...(record.decision.documents ?? []), ...req.always, ...byCategory, ...req.meansTested])].filter((id) => known.has(id)).slice(0, MAX_DOCUMENTS);
  }

  /** Where a case can go: mediation, and every office of the pack but the one it was routed to. */
  private destinations(record: CaseRecord): string[] {
    return [MEDIATION, ...this.chat.app.services.pack.offices.map((o) => o.id).filter((id) => id !== record.route)];
  }

  private destinationName(destination: string): string {
    if (destination === MEDIATION) return staffText('staffchat.refer.mediation');
    return nameIn(this.chat.app.services.pack.offices, destination)['zh-CN'];
  }

  private promptProblem(prompt: StaffPrompt | undefined, staff: StaffMember): string | undefined {
    if (!prompt || prompt.createdAt + PROMPT_TTL_MS < this.chat.now()) return staffText('staffchat.prompt.expired');
    if (prompt.staff.userId !== staff.userId) return staffText('staffchat.prompt.not_yours', { name: prompt.staff.name });
    return undefined;
  }
}

/** Why an action that first asks for something cannot be done now, checked before asking. */
function refusalFor(record: CaseRecord | undefined, action: StaffButtonAction, ref: string): string | undefined {
  if (!record) return actionResultText({ ok: false, reason: 'not_found' }, ref);
  if (action === 'request_materials' && record.materialsRequested) return actionResultText({ ok: false, reason: 'materials_already_requested' }, ref);
  if (!allowedActions(record.status, 'staff', record).includes(action)) {
    return actionResultText({ ok: false, reason: 'not_allowed', status: record.status, action }, ref);
  }
  return undefined;
}

async function clearKeyboard(telegram: Telegram, chatId: string, messageId: number | null): Promise<void> {
  if (messageId === null) return;
  await telegram.editMessageReplyMarkup(chatId, messageId, undefined, undefined).catch(() => undefined);
}
