import type { RenderedReply } from '../../flows/events.js';
import type { CasePack } from '../../knowledge/cases/case-pack.js';
import type { StoredAttachment } from '../ports/attachment-repository.js';
import type { CaseRecord, StoredCaseEvent } from '../../knowledge/cases/case-repository.js';
import { renderCaseCard } from './case-card.js';
import { basisTexts } from '../../staff/case-view.js';
import { staffText } from './telegram-staff-texts.js';

/** The legal basis of the bot's assessment as staff read it, as the chat writes it: `《法律援助法》第三十一条、第四十二条`. */
export function basisLine(record: CaseRecord, pack: CasePack): string | undefined {
  const parts = basisTexts(record.decision as unknown as Record<string, unknown>, pack, 'zh-CN');
  return parts.length > 0 ? staffText('staffchat.case.basis', { basis: parts.join('；') }) : undefined;
}

/**
 * The case card posted to the staff chat: {@link renderCaseCard} with the legal basis of the
 * assessment under the assessment line, and the buttons allowed now.
 */
export function staffCaseCard(
  record: CaseRecord,
  options: { pack: CasePack; now: number; events?: readonly StoredCaseEvent[]; attachments?: readonly StoredAttachment[]; nameOf?: (login: string) => string },
): RenderedReply {
  const card = renderCaseCard(record, options);
  const basis = basisLine(record, options.pack);
  if (!basis) return card;
  const lines = card.text.split('\n');
  const at = lines.findIndex((line) => line.includes(record.policyVersion));
  lines.splice(at === -1 ? lines.length : at + 1, 0, basis);
  return { ...card, text: lines.join('\n') };
}
