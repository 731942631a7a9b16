import type { TranscriptEntry } from '../ports/conversation-repository.js';
import type { HistoryEntry } from './web-protocol.js';

interface Said {
  text: string;
  choices: { id: string; label: string }[];
}

function said(body: unknown): Said | null {
  if (typeof body !== 'object' || body === null) return null;
  const { text, choices } = body as Record<string, unknown>;
  if (typeof text !== 'string') return null;
  const buttons = Array.isArray(choices)
    ? choices.filter((c): c is Said['choices'][number] => typeof c?.id === 'string' && typeof c?.label === 'string')
    : [];
  return { text, choices: buttons };
}

function residentLine(body: unknown, lastButtons: Said['choices']): HistoryEntry | null {
  if (typeof body !== 'object' || body === null) return null;
  const event = (body as { event?: unknown }).event;
  if (typeof event !== 'object' || event === null) return null;
  const e = event as Record<string, unknown>;
  switch (e.type) {
    case 'user.text':
      return typeof e.text === 'string' ? { from: 'resident', text: e.text } : null;
    case 'user.choice': {
      // The transcript keeps the button id; show the label the resident pressed.
      const pressed = lastButtons.find((c) => c.id === e.id);
      return pressed ? { from: 'resident', text: pressed.label } : null;
    }
    case 'user.command':
      // Language switches come from the page's toggle, not from something the resident wrote.
      if (e.command === 'lang' || typeof e.command !== 'string') return null;
      return { from: 'resident', text: `/${e.command}${typeof e.arg === 'string' ? ` ${e.arg}` : ''}` };
    case 'user.attachment': {
      const attachment = e.attachment as { fileName?: unknown } | undefined;
      return typeof attachment?.fileName === 'string' ? { from: 'resident', file: attachment.fileName } : null;
    }
    case 'user.refused_attachment':
      return { from: 'resident', file: typeof e.fileName === 'string' ? e.fileName : '' };
    default:
      return null;
  }
}

/**
 * Turns a conversation's stored transcript into the lines the page shows after a reload.
 * Entries are parsed defensively: anything unexpected is left out rather than shown wrong.
 */
export function historyEntries(transcript: readonly TranscriptEntry[]): HistoryEntry[] {
  const lines: HistoryEntry[] = [];
  let lastButtons: Said['choices'] = [];
  for (const entry of transcript) {
    if (entry.direction === 'out') {
      const reply = said(entry.body);
      if (!reply) continue;
      if (reply.choices.length > 0) lastButtons = reply.choices;
      lines.push({ from: 'bot', text: reply.text });
    } else {
      const line = residentLine(entry.body, lastButtons);
      if (line) lines.push(line);
    }
  }
  return lines;
}

/**
 * The buttons of the question the conversation waits on, when the history ends with the bot's reply: a reload
 * shows them under the last line instead of asking again. `null` when the history is empty or ends with the
 * resident's message (nothing answered it yet): the conversation must then say where the resident is.
 */
export function openQuestion(transcript: readonly TranscriptEntry[]): { choices: Said['choices']; multiSelect?: { doneId: string } } | null {
  let botSpoke = false;
  for (let i = transcript.length - 1; i >= 0; i--) {
    const entry = transcript[i]!;
    if (entry.direction === 'in') {
      // A page's own "I am back" is not something the resident said.
      if ((entry.body as { event?: { type?: unknown } } | null)?.event?.type === 'user.returned') continue;
      return botSpoke ? { choices: [] } : null;
    }
    const reply = said(entry.body);
    if (!reply) continue;
    botSpoke = true;
    // A line without buttons (a staff notice) leaves the buttons before it on screen, as the open page does.
    if (reply.choices.length === 0) continue;
    const multi = (entry.body as { multiSelect?: { doneId?: unknown } }).multiSelect;
    return { choices: reply.choices, ...(typeof multi?.doneId === 'string' ? { multiSelect: { doneId: multi.doneId } } : {}) };
  }
  return botSpoke ? { choices: [] } : null;
}

/**
 * Leaves out the bot's replies that are still waiting in the outbox: the outbox delivers them live
 * (with their ids) once the page is connected, so showing them in the history too would show them twice.
 * `pending` are the waiting payloads of this conversation, oldest first.
 */
export function withoutPending(transcript: readonly TranscriptEntry[], pending: readonly unknown[]): TranscriptEntry[] {
  const kept = [...transcript];
  let searchFrom = kept.length - 1;
  for (const payload of [...pending].reverse()) {
    const wanted = said(payload);
    if (!wanted) continue;
    for (let i = searchFrom; i >= 0; i--) {
      const entry = kept[i]!;
      const body = entry.direction === 'out' ? said(entry.body) : null;
      if (body && body.text === wanted.text && JSON.stringify(body.choices) === JSON.stringify(wanted.choices)) {
        kept.splice(i, 1);
        searchFrom = i - 1;
        break;
      }
    }
  }
  return kept;
}
