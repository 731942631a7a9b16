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
  return earlierSaid(event.text, buttons) ?? misspeltLabel(typed, buttons) ?? event;
}

/** "就是上面说的那个县", "我前面说过了", "the one i said": the answer offered as said before. */
const REFERS_TO_EARLIER = /^(就是|就)?(我)?(上面|前面|刚才|刚刚|之前)(已经)?(说|讲|写|提)(过)?(的|了)?(那个|那)?(县|市|地方|地区|区|人|个)?(啊|呀|吧|嘛)?$|^(我)?(不是)?(已经)?(说过了|说了)(吗|啊|嘛)?$|^(the one|what|like) i (said|told you|wrote|mentioned)( (before|earlier|above))?$|^(as|like) i said( (before|earlier|above))?$|^i (already )?(said|told you)( that| it)?( (before|earlier|above))?$/i;
/** The one button offered as what the resident said before (its label ends "（您前面说的）" / "(as you said)"). */
const SAID_BEFORE = /（您前面说的）|\(as you said\)/;

/** "我前面说了啊", "I already told you": the answer is in what was said before (never itself an answer: a name, "no phone"). */
export const refersToEarlier = (text: string): boolean => REFERS_TO_EARLIER.test(text.normalize('NFKC').trim().replace(/[。.!！?？~～]+$/, ''));

function earlierSaid(text: string, buttons: readonly { id: string; label: string }[]): ResidentEvent | null {
  if (!refersToEarlier(text)) return null;
  const offered = new Set(buttons.filter((c) => SAID_BEFORE.test(c.label)).map((c) => c.id));
  return offered.size === 1 ? { type: 'user.choice', id: [...offered][0]! } : null;
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
