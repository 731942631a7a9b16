import type { BotReply, ResidentEvent } from '../events.js';
import { renderReply } from '../../locales/render.js';
import { editDistance } from '../edit-distance.js';

const normalise = (text: string) => text.replace(/[\s☐☑⬅！!。.]/g, '').toLowerCase();

/**
 * A button's label typed as text (Telegram and WeChat users often do, and chat scripts always do) read as
 * pressing that button, in either language: "为自己申请" at the relation question is `opt:self`, and "刑事辩护" is
 * the button "刑事辩护（嫌疑人、被告人）" (what is in brackets may be left out).
 */
export function typedChoice(event: ResidentEvent, question: BotReply): ResidentEvent {
  if (event.type !== 'user.text' || !question.choices?.length) return event;
  const typed = normalise(event.text);
  if (typed === '') return event;
  // The buttons as they read in either language, rendered once for both ways of matching below.
  const buttons = (['zh-CN', 'en'] as const).flatMap((locale) => renderReply(question, locale).choices);
  const match = buttons.find((c) => normalise(c.label) === typed || normalise(c.label.replace(/[（(][^）)]*[）)]/g, '')) === typed);
  // A checklist item typed ("migrant worker") says it applies: the step reads it as text (a tick), never as the
  // press that would untick an item already ticked.
  if (match && question.multiSelect && /^[☐☑]/.test(match.label)) return event;
  if (match) return { type: 'user.choice', id: match.id };
  return misspeltLabel(typed, buttons) ?? event;
}

/**
 * A label typed with a slip of the thumb ("no disabilty" for "No disability", "for myslef"): Latin letters only,
 * at least six of them, within one edit per six letters of exactly one button's label.
 */
function misspeltLabel(typed: string, buttons: readonly { id: string; label: string }[]): ResidentEvent | null {
  if (!/^[a-z']{6,}$/.test(typed)) return null;
  const allowed = Math.floor(typed.length / 6);
  const near = new Set<string>();
  for (const c of buttons) {
    const label = normalise(c.label);
    if (/^[a-z']+$/.test(label) && editDistance(typed, label) <= allowed) near.add(c.id);
  }
  return near.size === 1 ? { type: 'user.choice', id: [...near][0]! } : null;
}
