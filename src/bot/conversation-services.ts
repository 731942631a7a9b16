import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Repositories } from './ports/repositories.js';
import type { CaseRepository } from '../knowledge/cases/case-repository.js';
import type { KnowledgeAnswer, TopicInput, UnderstandInput, Understanding } from '../flows/understanding.js';
import type { CaseDraft, CaseReceipt } from '../flows/intake/intake-types.js';
import type { IntakeDeps } from '../flows/intake/intake-deps.js';
import { reply } from '../flows/replies.js';
import type { BotReply } from '../flows/events.js';
import type { AttachFileInput, AttachFileResult, NoteCaseInput, NoteCaseResult, RatingInput, WithdrawResult } from '../flows/conversation-machine.js';
import { caseStatusReplies } from '../knowledge/cases/case-status-view.js';
import { IN_PROGRESS } from '../knowledge/cases/case-lifecycle.js';
import { applicantFromAnswers } from '../knowledge/cases/applicant.js';
import { loadPolicyPack } from '../knowledge/policy/load-policy-pack.js';
import type { PolicyPack } from '../knowledge/policy/types.js';
import { policyVersion } from '../knowledge/policy/lookup.js';
import { DEFAULT_LOCALE, isLocale } from '../locales/catalog.js';
import { assessForCase, intakeDeps } from './eligibility-port.js';
import { applicationDocuments } from '../knowledge/eligibility/decision-documents.js';
import { openKnowledge } from './knowledge-port.js';
import { consoleHasStaff } from '../console/console-staff.js';
import type { KnowledgeBase } from '../knowledge/faq/knowledge-base.js';
import { createCaseLinkService, type LinkAttempt, type LinkRequest, type LinkResult } from './case-link-service.js';
import { smsSenderFromConfig } from './sms/sms-from-config.js';
import { RESIDENT_NOTE_AUTHOR } from '../staff/staff-ports.js';

/** The effects conversations need, built once at start and shared by every conversation. */
export interface ConversationServices {
  pack: PolicyPack;
  /** The knowledge base; reading it before {@link knowledgeReady} resolves throws. */
  readonly knowledge: KnowledgeBase;
  /** Resolves once the FAQ index is built; the bot takes messages before (questions wait for it). */
  knowledgeReady: Promise<void>;
  cases: CaseRepository;
  intake: IntakeDeps;
  understandText(input: UnderstandInput): Promise<Understanding>;
  showTopic(input: TopicInput): Promise<KnowledgeAnswer>;
  submitCase(draft: CaseDraft): Promise<CaseReceipt>;
  listCases(input: { conversationKey: string }): Promise<BotReply[]>;
  rateCase(input: RatingInput): Promise<BotReply[]>;
  /** Withdraws the resident's own undecided application; the event is in the case's history for staff. */
  withdrawCase(input: { conversationKey: string; ref: string }): Promise<WithdrawResult>;
  /** A file sent outside an application: linked to the case awaiting materials, or declined. */
  attachFile(input: AttachFileInput): Promise<AttachFileResult>;
  /** A message for staff after sending materials: kept on the case awaiting them, for the staff handling it. */
  noteCase(input: NoteCaseInput): Promise<NoteCaseResult>;
  /** Another device: texts a one-time code for a reference number (docs/privacy.md). */
  requestLinkCode(input: LinkRequest): Promise<LinkResult>;
  /** Another device: the typed code; the right one links the case to this conversation. */
  verifyLinkCode(input: LinkAttempt): Promise<LinkResult>;
  /** Someone can take conversations now: a Telegram staff group, or console accounts (re-read by {@link refreshStaffAvailable}). */
  readonly staffAvailable: boolean;
  /** Re-reads whether the console has staff accounts, so one added while the bot runs is offered without a restart. */
  refreshStaffAvailable(): Promise<void>;
  pickupMinutes: number;
  /** Ask a separate consent before the application's sensitive questions (`PRIVACY_SENSITIVE_CONSENT`). */
  askSensitiveConsent: boolean;
  close(): Promise<void>;
}

/** Loads the policy pack and the knowledge base and exposes them as conversation services. */
export async function loadConversationServices(config: Config, repos: Repositories, logger: Logger): Promise<ConversationServices> {
  const pack = await loadPolicyPack(config.policyDir);
  logger.info({ policy: policyVersion(pack) }, 'policy pack loaded');
  const cases = repos.cases(pack);
  /** The newest of the conversation's cases waiting for materials (一次性告知, LAL 43): a file or a note goes to it. */
  const awaitingMaterials = async (conversationKey: string) =>
    (await cases.listByConversation(conversationKey)).filter((c) => c.status === 'materials_requested').sort((a, b) => b.createdAt - a.createdAt)[0];
  const conversations = repos.conversations;
  /**
   * An answer that offers to apply, or a story told (which would start an application), for a resident whose application
   * is in progress: with it (its progress is offered instead of a second application of the same kind).
   */
  const withCasesInProgress = async (answer: KnowledgeAnswer, conversationKey: string | undefined, story = false): Promise<KnowledgeAnswer> => {
    if (!conversationKey || !(story || answer.replies.some((r) => r.choices?.some((c) => c.id === 'menu.apply')))) return answer;
    const inProgress = (await cases.listByConversation(conversationKey)).filter((c) => IN_PROGRESS.includes(c.status));
    return inProgress.length === 0 ? answer : { ...answer, casesInProgress: inProgress.map((c) => ({ ref: c.ref, category: c.category })) };
  };
  // The FAQ index of a large knowledge base takes seconds to build: the bot greets residents and runs
  // applications meanwhile, and a question waits for the index rather than being told "I don't know".
  let opened: Awaited<ReturnType<typeof openKnowledge>> | undefined;
  const opening = openKnowledge(config, repos.knowledge, pack, logger).then((k) => (opened = k));
  opening.catch((error: unknown) => logger.error({ err: error instanceof Error ? error.name : 'unknown' }, 'the knowledge base could not be opened'));

  const telegramStaff = config.telegram.mode !== 'off' && config.telegram.staffChatId !== undefined;
  let consoleStaff = await consoleHasStaff(config, repos);
  const listCases = async ({ conversationKey }: { conversationKey: string }) => caseStatusReplies(await cases.listByConversation(conversationKey), pack, Date.now());
  const caseLinks = createCaseLinkService({
    links: repos.caseLinks,
    cases,
    sms: smsSenderFromConfig(config.sms),
    hotline: pack.hotline,
    logger,
    whereIs: async (key) => ({ channel: key.slice(0, key.indexOf(':')), address: (await conversations.load(key))?.address ?? key.slice(key.indexOf(':') + 1) }),
    statusReplies: (conversationKey) => listCases({ conversationKey }),
  });

  return {
    pack,
    cases,
    requestLinkCode: caseLinks.requestCode,
    verifyLinkCode: caseLinks.verifyCode,
    intake: intakeDeps(pack),
    get knowledge() {
      if (!opened) throw new Error('The knowledge base is still loading.');
      return opened.knowledge;
    },
    knowledgeReady: opening.then(() => undefined),
    understandText: async (input) => {
      const understood = await (await opening).understandText(input);
      return { ...understood, answer: await withCasesInProgress(understood.answer, input.conversationKey, understood.meaning.kind === 'story') };
    },
    showTopic: async (input) => withCasesInProgress(await (await opening).showTopic(input), input.conversationKey),
    async submitCase(draft) {
      const conversationKey = draft.submissionId.slice(0, draft.submissionId.lastIndexOf('#'));
      const stored = await conversations.load(conversationKey);
      const context = (stored?.snapshot as { context?: { locale?: unknown } } | undefined)?.context;
      const now = new Date();
      const assessed = assessForCase(draft.facts, pack, now);
      // A relative applying brings their own ID and proof of the relationship: staff see them among the documents.
      const decision = { ...assessed, documents: applicationDocuments(assessed.documents, pack, { onBehalf: draft.applicant.relation === 'relative' }) };
      const receipt = await cases.createCase({
        submissionId: draft.submissionId,
        conversationKey,
        channel: conversationKey.slice(0, conversationKey.indexOf(':')),
        address: stored?.address ?? conversationKey.slice(conversationKey.indexOf(':') + 1),
        locale: isLocale(context?.locale) ? context.locale : DEFAULT_LOCALE,
        // Beside the facts, as staff read them: what the applicant was unsure of, and an age said only roughly.
        facts: { ...draft.facts, unsure: draft.unsure, submitAnyway: draft.submitAnyway, ...(draft.ageAtLeast ? { ageAtLeast: true } : {}) } as never,
        decision,
        policyVersion: decision.policyVersion,
        applicant: {
          ...applicantFromAnswers(draft.applicant),
          ...(draft.applicant.documentsNote ? { documentsNote: draft.applicant.documentsNote } : {}),
          ...(draft.applicant.relation === 'relative' && draft.applicant.kinship ? { kinship: draft.applicant.kinship } : {}),
          ...(draft.applicant.relation === 'relative' && draft.applicant.ownName ? { relativeName: draft.applicant.ownName } : {}),
        },
        description: draft.applicant.description ?? '',
        attachments: draft.attachments,
        at: now.getTime(),
      });
      logger.info({ case: receipt.ref, created: receipt.created, outcome: decision.outcome }, 'case submitted');
      return { ref: receipt.ref, created: receipt.created };
    },
    // Staff can take conversations in the Telegram group, or in the console once it has accounts.
    get staffAvailable() {
      return telegramStaff || consoleStaff;
    },
    async refreshStaffAvailable() {
      consoleStaff = await consoleHasStaff(config, repos).catch(() => consoleStaff);
    },
    pickupMinutes: config.handoff.pickupMinutes,
    askSensitiveConsent: config.privacy.sensitiveConsent,
    async listCases({ conversationKey }) {
      const records = await cases.listByConversation(conversationKey);
      return caseStatusReplies(records, pack, Date.now());
    },
    async attachFile({ conversationKey, attachment }) {
      const awaiting = await awaitingMaterials(conversationKey);
      if (!awaiting) return { linked: null };
      const ref = awaiting.ref;
      await repos.attachments.record({ ...attachment, conversationKey, createdAt: Date.now() });
      await repos.attachments.linkToCase([attachment.id], ref);
      logger.info({ case: ref }, 'resident sent materials');
      return { linked: { ref, count: (await repos.attachments.forCase(ref)).length, attachment } };
    },
    async noteCase({ conversationKey, text }) {
      // The same case a file would go to.
      const awaiting = await awaitingMaterials(conversationKey);
      const notes = repos.staff?.notes;
      if (!awaiting || !notes) return { ref: null };
      await notes.add({ ref: awaiting.ref, accountId: null, author: RESIDENT_NOTE_AUTHOR, text: text.trim(), at: Date.now() });
      logger.info({ case: awaiting.ref }, 'resident left staff a message on the case');
      return { ref: awaiting.ref };
    },
    async rateCase({ conversationKey, ref, score, comment }) {
      const result = await cases.recordRating(ref, comment === undefined ? { score } : { score, comment }, Date.now(), conversationKey);
      if (!result.ok) return [reply(`handoff.rating.${result.reason}`, { hotline: pack.hotline })];
      return comment === undefined
        ? [reply('handoff.rating.thanks', { score }), reply('handoff.rating.comment_prompt', {}, [{ id: 'rating.skip', key: 'handoff.rating.skip' }])]
        : [reply('handoff.rating.comment_saved')];
    },
    async withdrawCase({ conversationKey, ref }) {
      const record = await cases.get(ref);
      const refused = { replies: [reply('privacy.withdraw.not_allowed', { hotline: pack.hotline })], withdrawn: false };
      if (!record || record.conversationKey !== conversationKey) return refused;
      const result = await cases.applyTransition(ref, { type: 'withdraw', note: 'withdrawn by the resident in the chat' }, { kind: 'resident', name: 'resident' }, Date.now());
      if (!result.ok) return refused;
      logger.info({ case: ref, action: 'withdraw', by: 'resident' }, 'case transition');
      return {
        replies: [reply('case.notice.withdrawn', { ref }), reply('privacy.withdraw.kept', { years: Math.round(config.privacy.retentionDays.closedCases / 365) })],
        withdrawn: true,
      };
    },
    close: async () => {
      const k = await opening.catch(() => undefined);
      await k?.close();
    },
  };
}
