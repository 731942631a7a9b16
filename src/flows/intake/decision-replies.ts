import type { BotReply, Param } from '../events.js';
import { choice, reply } from '../replies.js';
import type { PolicyPack } from '../../knowledge/policy/types.js';
import type { DecisionView, BasisRef } from './intake-deps.js';
import type { IntakeContext } from './intake-types.js';

function basisItem(basis: BasisRef, pack: PolicyPack): Param {
  if (basis.source === 'LAL') return { key: 'intake.basis.lal', params: { article: basis.article } };
  const rule = pack.rules.find((r) => r.id === basis.rule);
  return rule ? { key: 'intake.basis.local', params: { rule: rule.description, id: rule.id } } : basis.rule;
}

/** The basis line: 《法律援助法》第31条；本地规则 …. */
export function basisParam(decision: DecisionView, pack: PolicyPack): Param {
  return { items: decision.basis.map((b) => basisItem(b, pack)), separator: '；' };
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
  const details: Param[] = [...decision.reasons];
  if (decision.basis.length > 0) details.push({ key: 'intake.basis', params: { basis: basisParam(decision, pack) } });
  if (details.length > 0) replies.push(reply('intake.details', { details: { items: details } }));

  const negative = decision.outcome === 'not_eligible' || decision.outcome === 'out_of_scope';
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
    reply(decision.urgent && pack.urgentSameDay ? 'intake.receipt.urgent' : 'intake.receipt', {
      ref,
      days: pack.decisionDays,
      office: office ? office.name : { key: 'intake.office.unknown' },
    }),
  ];
  if (decision.outcome === 'mandatory_appointment') replies.push(reply('intake.receipt.mandatory'));
  if (ctx.submitAnyway) replies.push(reply('intake.receipt.review', { hotline: pack.hotline }));
  if (decision.documents.length > 0) {
    replies.push(
      reply(decision.documents.includes('honesty_pledge') ? 'intake.documents.with_pledge' : 'intake.documents.list', {
        documents: documentsParam(decision, pack),
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
