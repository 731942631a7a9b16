import type { RenderedReply } from '../../flows/events.js';
import type { CasePack } from '../../knowledge/cases/case-pack.js';
import type { StoredAttachment } from '../ports/attachment-repository.js';
import type { CaseRecord, StoredCaseEvent } from '../../knowledge/cases/case-repository.js';
import { renderCaseCard } from './case-card.js';
import { staffText } from './telegram-staff-texts.js';

/** The legal basis of the bot's assessment as staff read it: `法律援助法第31条、第42条`. */
export function basisLine(record: CaseRecord): string | undefined {
  const basis = Array.isArray(record.decision.basis) ? (record.decision.basis as unknown[]) : [];
  const parts = basis.flatMap((b) => {
    const item = b as { source?: unknown; article?: unknown; rule?: unknown };
    if (item.source === 'LAL' && typeof item.article === 'number') return [staffText('staffchat.case.basis_lal', { article: item.article })];
    if (item.source === 'local' && typeof item.rule === 'string') return [staffText('staffchat.case.basis_local', { rule: item.rule })];
    return [];
  });
  return parts.length > 0 ? staffText('staffchat.case.basis', { basis: [...new Set(parts)].join('、') }) : undefined;
}

/**
 * The case card posted to the staff chat: {@link renderCaseCard} with the legal basis of the
 * assessment under the assessment line, and the buttons allowed now.
 */
export function staffCaseCard(
  record: CaseRecord,
  options: { pack: CasePack; now: number; events?: readonly StoredCaseEvent[]; attachments?: readonly StoredAttachment[] },
): RenderedReply {
  const card = renderCaseCard(record, options);
  const basis = basisLine(record);
  if (!basis) return card;
  const lines = card.text.split('\n');
  const at = lines.findIndex((line) => line.includes(record.policyVersion));
  lines.splice(at === -1 ? lines.length : at + 1, 0, basis);
  return { ...card, text: lines.join('\n') };
}
