import type { BotReply, Localized, Param } from '../events.js';
import { choice, reply } from '../replies.js';
import type { PolicyPack } from '../../knowledge/policy/types.js';
import { lalArticles } from '../../knowledge/eligibility/article-names.js';
import { lal } from '../../knowledge/eligibility/decision.js';
import { applicationDocuments } from '../../knowledge/eligibility/decision-documents.js';
import type { DecisionView, BasisRef } from './intake-deps.js';

/** Engine reasons the chat's own lines already say: the outcome (the headline); free advice and the right to object (the alternatives). */
const REPEATED_IN_CHAT = new Set([
  'eligibility.outcome.eligible',
  'eligibility.outcome.mandatory_appointment',
  'eligibility.outcome.not_eligible',
  'eligibility.outcome.out_of_scope',
  'eligibility.objection',
  'eligibility.consultation_free',
]);
import type { IntakeContext } from './intake-types.js';

/**
 * Every Legal Aid Law article cited, written one way (《法律援助法》第三十一条、第四十三条 / Legal Aid Law arts. 31, 43),
 * then each local rule by its citation: one item each. The chat and the staff case page both write the basis with it.
 */
export function basisItems(cited: readonly BasisRef[], rules: readonly { id: string; citation: Localized }[]): Localized[] {
  const articles = cited.flatMap((b) => (b.source === 'LAL' ? [b.article] : []));
  const ruleIds = [...new Set(cited.flatMap((b) => (b.source === 'local' ? [b.rule] : [])))];
  const named = ruleIds.map((id): Localized => rules.find((r) => r.id === id)?.citation ?? { 'zh-CN': id, en: id });
  return [...(articles.length > 0 ? [lalArticles(articles)] : []), ...named];
}

/** The basis line of a chat message: the items of `basisItems` on one line. */
export function basisParam(cited: readonly BasisRef[], pack: PolicyPack): Param {
  const items = basisItems(cited, pack.rules);
  return { 'zh-CN': items.map((i) => i['zh-CN']).join('；'), en: items.map((i) => i.en).join('; ') };
}

function officeOf(decision: DecisionView, pack: PolicyPack) {
  return pack.offices.find((o) => o.id === decision.route) ?? null;
}

/** Names of the documents, one per line with a bullet. */
export function documentsParam(decision: DecisionView, pack: PolicyPack): Param {
  return {
    items: decision.documents.map((id) => {
      const doc = pack.documents.find((d) => d.id === id);
      return { key: 'intake.bullet', params: { text: doc ? doc.name : id } };
    }),
  };
}

/** The assessment shown before the resident decides whether to apply: outcome, reasons, basis, urgency and what they can do. */
export function assessmentReplies(decision: DecisionView, ctx: IntakeContext, pack: PolicyPack): BotReply[] {
  const replies: BotReply[] = [];
  const category: Param = { key: `category.${ctx.facts.category ?? 'other'}` };
  replies.push(
    reply(`intake.outcome.${decision.outcome}`, {
      category,
      who: { key: ctx.applicant.relation === 'relative' ? 'intake.who.relative' : 'intake.who.self' },
    }),
  );
  const negative = decision.outcome === 'not_eligible' || decision.outcome === 'out_of_scope';
  // The headline states the outcome and the alternatives the right to object: the engine's own lines for them would repeat it.
  const details: Param[] = decision.reasons.filter((r) => !REPEATED_IN_CHAT.has(r.key)).map((r) => r.text);
  details.push({ key: 'intake.preliminary' });
  // Staff decide (LAL 43); the alternatives of a refusal cite the right to object (LAL 49).
  const cited: BasisRef[] = [...decision.cited, lal(43), ...(negative ? [lal(49)] : [])];
  details.push({ key: 'intake.basis', params: { basis: basisParam(cited, pack) } });
  replies.push(reply('intake.details', { details: { items: details } }));

  if (negative) {
    replies.push(
      reply('intake.alternatives', { hotline: pack.hotline }, [
        choice('intake.submit_anyway', 'intake.opt.submit_anyway'),
        choice('menu.ask', 'core.menu.ask'),
        choice('intake.cancel', 'intake.opt.finish'),
      ]),
    );
  } else {
    replies.push(
      reply('intake.q.assessment', {}, [
        choice('intake.continue', 'intake.opt.continue'),
        choice('intake.back', 'intake.opt.back'),
        choice('intake.cancel', 'intake.opt.cancel'),
      ]),
    );
  }
  return replies;
}

/** After submitting: the reference, what happens next, the documents to bring and where to go. */
export function receiptReplies(ref: string, decision: DecisionView, ctx: IntakeContext, pack: PolicyPack): BotReply[] {
  const office = officeOf(decision, pack);
  const replies: BotReply[] = [
    reply(decision.urgent && pack.urgentSameDay ? 'intake.receipt.urgent' : decision.sameDay ? 'intake.receipt.same_day' : 'intake.receipt', {
      ref,
      days: pack.decisionDays,
      office: office ? office.name : { key: 'intake.office.unknown' },
    }),
  ];
  if (decision.outcome === 'mandatory_appointment') replies.push(reply('intake.receipt.mandatory'));
  if (ctx.submitAnyway) replies.push(reply('intake.receipt.review', { hotline: pack.hotline }));
  // A relative applying brings their own ID and proof of the relationship too (as the case records for staff).
  const documents = applicationDocuments(decision.documents, pack, { onBehalf: ctx.applicant.relation === 'relative' });
  if (documents.length > 0) {
    replies.push(
      reply(documents.includes('honesty_pledge') ? 'intake.documents.with_pledge' : 'intake.documents.list', {
        documents: documentsParam({ ...decision, documents }, pack),
      }),
    );
  }
  if (office) {
    replies.push(
      reply('intake.office', { name: office.name, address: office.address, phone: office.phone, hotline: pack.hotline }, [
        choice('menu.status', 'core.menu.status'),
        choice('menu.ask', 'core.menu.ask'),
        choice('menu.back', 'core.back_to_menu'),
      ]),
    );
  } else {
    replies.push(reply('intake.office.none', { hotline: pack.hotline }, [choice('menu.ask', 'core.menu.ask'), choice('menu.back', 'core.back_to_menu')]));
  }
  return replies;
}
