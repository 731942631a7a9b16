import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { Logger } from 'pino';
import type { BotReply } from '../flows/events.js';
import { choice, reply } from '../flows/replies.js';
import type { CaseRepository } from '../knowledge/cases/case-repository.js';
import { LINK_CODE_TTL_MS, attemptsCarried, judgeAttempt, judgeRequest } from '../knowledge/cases/case-link-rules.js';
import { translate } from '../locales/render.js';
import type { CaseLinkRepository } from './ports/case-link-repository.js';
import type { SmsSender } from './ports/sms-sender.js';

/** The choice that leaves the code question. */
export const LINK_CANCEL = 'link.cancel';

export interface CaseLinkDeps {
  links: CaseLinkRepository | undefined;
  cases: CaseRepository;
  sms: SmsSender | null;
  hotline: string;
  logger: Logger;
  /** Where a conversation's replies go (its channel and address). */
  whereIs(conversationKey: string): Promise<{ channel: string; address: string }>;
  /** The status view of a conversation's cases, shown once a case is linked. */
  statusReplies(conversationKey: string): Promise<BotReply[]>;
  now?: () => number;
}

export interface LinkRequest {
  conversationKey: string;
  ref: string;
}

export interface LinkAttempt extends LinkRequest {
  code: string;
}

/** The replies to a typed code, and whether the code question is over (linked or locked). */
export interface LinkResult {
  replies: BotReply[];
  done: boolean;
}

function hashCode(salt: string, ref: string, code: string): string {
  return createHash('sha256').update(`${salt}\u0000${ref}\u0000${code}`).digest('hex');
}

/**
 * Reaching a case from another device: a one-time code texted to the application's phone number,
 * typed in the new conversation, moves the case there. The same replies whether or not the
 * reference exists (a code is "issued" and counted for unknown references too, and the text is
 * sent in the background so the reply takes as long); the code and the phone are never logged.
 */
export function createCaseLinkService(deps: CaseLinkDeps) {
  const now = deps.now ?? Date.now;
  const cancel = [choice(LINK_CANCEL, 'caselink.cancel')];

  async function requestCode({ conversationKey, ref }: LinkRequest): Promise<LinkResult> {
    const links = deps.links;
    if (!links || !deps.sms) return { replies: [reply('caselink.unavailable', { hotline: deps.hotline })], done: true };
    // Its own case, typed in the conversation it is in: its status, no code (this reveals nothing new).
    if ((await deps.cases.get(ref))?.conversationKey === conversationKey) return { replies: await deps.statusReplies(conversationKey), done: true };
    const at = now();
    const state = await links.get(ref);
    const sent = { replies: [reply('caselink.sent', { ref, hotline: deps.hotline }, cancel)], done: false };
    if (judgeRequest(state, conversationKey, at) === 'hold') return sent;
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const salt = randomBytes(16).toString('hex');
    await links.put({
      ref,
      codeHash: hashCode(salt, ref, code),
      salt,
      conversationKey,
      issuedAt: at,
      expiresAt: at + LINK_CODE_TTL_MS,
      attempts: attemptsCarried(state, at),
      lockedUntil: null,
      usedAt: null,
    });
    const sms = deps.sms;
    void (async () => {
      const record = await deps.cases.get(ref);
      const phone = record?.applicant.phone;
      // "Do not call or text me" (a phone others may read, domestic violence): no text; the resident calls the centre.
      if (!record || !phone || !record.applicant.safeToContact) return;
      await sms.send({ to: phone, text: translate('caselink.sms', record.locale, { code, ref }) });
      deps.logger.info({ case: ref }, 'link code texted');
    })().catch((error: unknown) => deps.logger.warn({ case: ref, err: error instanceof Error ? error.message : 'unknown' }, 'link code not texted'));
    return sent;
  }

  async function verifyCode({ conversationKey, ref, code }: LinkAttempt): Promise<LinkResult> {
    const links = deps.links;
    if (!links) return { replies: [reply('caselink.unavailable', { hotline: deps.hotline })], done: true };
    const at = now();
    const state = await links.get(ref);
    const matches = state !== undefined && timingSafeEqual(Buffer.from(hashCode(state.salt, ref, code), 'hex'), Buffer.from(state.codeHash, 'hex'));
    const { verdict, next } = judgeAttempt(state, conversationKey, matches, at);
    if (next) await links.update(ref, next);
    if (verdict === 'linked') {
      const moved = await links.relink(ref, { conversationKey, ...(await deps.whereIs(conversationKey)) }, at);
      if (!moved) return { replies: [reply('caselink.expired')], done: false };
      deps.logger.info({ case: ref }, 'case linked to another conversation');
      return { replies: [reply('caselink.linked', { ref }), ...(await deps.statusReplies(conversationKey))], done: true };
    }
    if (verdict === 'locked') return { replies: [reply('caselink.locked', { hotline: deps.hotline })], done: true };
    if (verdict === 'expired') return { replies: [reply('caselink.expired', {}, cancel)], done: false };
    return { replies: [reply('caselink.wrong', {}, cancel)], done: false };
  }

  return { requestCode, verifyCode };
}

export type CaseLinkService = ReturnType<typeof createCaseLinkService>;
