import type { BotReply, ResidentEvent } from '../events.js';
import { renderReply } from '../../locales/render.js';

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
  for (const locale of ['zh-CN', 'en'] as const) {
    const match = renderReply(question, locale).choices.find(
      (c) => normalise(c.label) === typed || normalise(c.label.replace(/[（(][^）)]*[）)]/g, '')) === typed,
    );
    if (match) return { type: 'user.choice', id: match.id };
  }
  return event;
}
