import type { BotReply, Param } from '../events.js';
import { choice, reply } from '../replies.js';
import type { PolicyPack } from '../../knowledge/policy/types.js';
import type { IntakeContext, StepId } from './intake-types.js';

const yesNo = (v: boolean | undefined): Param => ({ key: v ? 'intake.opt.yes' : 'intake.opt.no' });

/** The value of one answered step as the summary shows it; `null` when the step has nothing to show. */
function answerValue(step: StepId, ctx: IntakeContext, pack: PolicyPack): Param | null {
  const f = ctx.facts;
  const a = ctx.applicant;
  if (ctx.unsure.includes(step)) return { key: 'intake.opt.unsure' };
  switch (step) {
    case 'category': return f.category ? { key: `category.${f.category}` } : null;
    case 'relation': return a.relation ? { key: `intake.opt.relation_${a.relation}` } : null;
    case 'criminalRole': return f.criminalRole ? { key: `intake.opt.role_${f.criminalRole}` } : null;
    case 'hasDefender': return yesNo(f.hasDefender);
    case 'possibleSentence': return f.possibleSentence ? { key: `intake.opt.sentence_${f.possibleSentence}` } : null;
    case 'deathPenaltyReview': return yesNo(f.deathPenaltyReview);
    case 'trialInAbsentia': return yesNo(f.trialInAbsentia);
    case 'cannotFullyRecognizeConduct': return yesNo(f.cannotFullyRecognizeConduct);
    case 'region': {
      const region = pack.regions.find((r) => r.id === f.region);
      return region ? region.name : null;
    }
    case 'age': return f.age === undefined ? null : ctx.ageAtLeast ? { key: 'intake.summary.age_at_least', params: { age: f.age } } : f.age;
    case 'disability': return f.disability ? { key: `disability.${f.disability}` } : null;
    case 'groups':
      return f.groups && f.groups.length > 0 ? { items: f.groups.map((g) => ({ key: `group.${g}` })), separator: '、' } : { key: 'intake.opt.groups_none' };
    case 'fixedIncome': return yesNo(f.fixedIncome);
    case 'residence': return f.residence ? { key: `intake.opt.${f.residence}` } : null;
    case 'householdSize': return f.householdSize ?? null;
    case 'householdMonthlyIncome': return f.householdMonthlyIncome === undefined ? null : { key: 'intake.summary.yuan', params: { amount: f.householdMonthlyIncome } };
    case 'deadlineDays': return f.deadlineDays === undefined || f.deadlineDays === null ? { key: 'intake.opt.no_deadline' } : { key: 'intake.summary.days', params: { days: f.deadlineDays } };
    case 'needsPreservation': return yesNo(f.needsPreservation);
    case 'description': return a.description;
    case 'documents': {
      // None sent: "not yet" (they can be brought or sent later), never "0 files sent".
      const sent = ctx.attachments.length;
      if (a.documentsNote) return { key: sent > 0 ? 'intake.summary.files_and_note' : 'intake.summary.no_files_note', params: { count: sent, note: a.documentsNote } };
      return sent > 0 ? { key: 'intake.summary.files', params: { count: sent } } : { key: 'intake.summary.no_files' };
    }
    case 'name': return a.name;
    case 'kinship': return a.kinship ?? null;
    case 'ownName': return a.ownName ?? null;
    case 'phone': return a.phone && a.phoneWords ? { key: 'intake.summary.phone_words', params: { phone: a.phone, words: a.phoneWords } } : a.phone;
    case 'safeContact': {
      if (!a.contactPreference) return null;
      // The times given with the answer ("白天他上班的时候可以打") are shown with it: no question of their own shows them.
      const words = a.contactWords ?? (a.contactPreference === 'times' && !ctx.answered.includes('safeTimes') ? a.safeTimes : null);
      return words
        ? { key: 'intake.summary.contact_words', params: { choice: { key: `intake.opt.safe_${a.contactPreference}` }, words } }
        : { key: `intake.opt.safe_${a.contactPreference}` };
    }
    case 'safeTimes': return a.safeTimes;
    default: return null;
  }
}

/** A step's label: for a relative the name is the applicant's ("申请人姓名"), not the resident's. */
const labelOf = (step: StepId, ctx: IntakeContext) => (step === 'name' && ctx.applicant.relation === 'relative' ? 'intake.label.name_relative' : `intake.label.${step}`);

/** Steps the resident can change from the summary, in the order they were asked. */
export function changeableSteps(ctx: IntakeContext): StepId[] {
  return ctx.answered.filter((s) => s !== 'assessment' && s !== 'summary' && s !== 'changeList');
}

/** The summary of every answer, with "confirm and send", "change" and "cancel". */
export function summaryReplies(ctx: IntakeContext, pack: PolicyPack, officeName: Param): BotReply[] {
  const lines: Param[] = [];
  for (const step of changeableSteps(ctx)) {
    const value = answerValue(step, ctx, pack);
    if (value !== null) lines.push({ key: 'intake.summary.line', params: { label: { key: labelOf(step, ctx) }, value } });
  }
  return [
    reply('intake.summary', { lines: { items: lines }, office: officeName }, [
      choice('intake.confirm', 'intake.opt.confirm'),
      choice('intake.change', 'intake.opt.change'),
      choice('intake.cancel', 'intake.opt.cancel'),
    ]),
  ];
}

/**
 * One button per answer that can be changed, and one to go on: back to the summary once every question is
 * answered, "carry on" in the middle of the application (there is no summary yet).
 */
export function changeListReplies(ctx: IntakeContext, atSummary = true): BotReply[] {
  return [
    reply('intake.q.changeList', {}, [
      ...changeableSteps(ctx).map((step) => choice(`change:${step}`, labelOf(step, ctx))),
      choice('intake.summary', atSummary ? 'intake.opt.back_to_summary' : 'intake.opt.carry_on_filling'),
    ]),
  ];
}
