import { describe, expect, it } from 'vitest';
import type { TranscriptEntry } from '../../../src/storage/conversation-store.js';
import { historyEntries, openQuestion, withoutPending } from '../../../src/bot/web/history.js';

let nextId = 1;
const said = (text: string, choices: { id: string; label: string }[] = []): TranscriptEntry => ({
  id: nextId++,
  direction: 'out',
  body: { text, choices },
  createdAt: 0,
});
const heard = (event: unknown, messageId?: string): TranscriptEntry => ({ id: nextId++, direction: 'in', body: { event, messageId }, createdAt: 0 });

const privacy = said('Do you agree?', [
  { id: 'consent.agree', label: 'I agree' },
  { id: 'consent.decline', label: 'I do not agree' },
]);

describe('historyEntries', () => {
  it('shows what the bot said and what the resident typed', () => {
    expect(historyEntries([heard({ type: 'user.returned' }), said('Hello'), heard({ type: 'user.text', text: 'my boss owes me' }, 'm1')])).toEqual([
      { from: 'bot', text: 'Hello' },
      { from: 'resident', text: 'my boss owes me' },
    ]);
  });

  it('shows a pressed button by its label', () => {
    expect(historyEntries([privacy, heard({ type: 'user.choice', id: 'consent.agree' })]).at(-1)).toEqual({ from: 'resident', text: 'I agree' });
  });

  it('shows sent and refused files by name, and commands as typed, but not language switches', () => {
    const entries = historyEntries([
      heard({ type: 'user.attachment', attachment: { id: 'a1', fileName: 'id-card.jpg', mimeType: 'image/jpeg', size: 10 } }),
      heard({ type: 'user.refused_attachment', reason: 'type', fileName: 'notes.txt' }),
      heard({ type: 'user.command', command: 'help' }),
      heard({ type: 'user.command', command: 'lang', arg: 'en' }),
    ]);
    expect(entries).toEqual([
      { from: 'resident', file: 'id-card.jpg' },
      { from: 'resident', file: 'notes.txt' },
      { from: 'resident', text: '/help' },
    ]);
  });

  it('leaves out entries it cannot read', () => {
    expect(historyEntries([{ id: 1, direction: 'out', body: null, createdAt: 0 }, heard('nonsense'), heard({ type: 'user.choice', id: 'gone' })])).toEqual([]);
  });
});

describe('withoutPending', () => {
  it('drops the replies still waiting in the outbox, from the end', () => {
    const menu = said('Menu', [{ id: 'menu.ask', label: 'Ask' }]);
    const transcript = [said('Menu', [{ id: 'menu.ask', label: 'Ask' }]), heard({ type: 'user.text', text: 'hi' }), said('Sorry?'), menu];
    const kept = withoutPending(transcript, [
      { kind: 'text', text: 'Sorry?', choices: [] },
      { kind: 'text', text: 'Menu', choices: [{ id: 'menu.ask', label: 'Ask' }] },
    ]);
    expect(kept).toEqual(transcript.slice(0, 2));
  });

  it('keeps everything when only staff messages (not in the transcript) are waiting', () => {
    const transcript = [said('Hello'), heard({ type: 'user.text', text: 'hi' })];
    expect(withoutPending(transcript, [{ kind: 'text', text: 'A message from staff', choices: [] }, { kind: 'file', attachmentId: 'x' }])).toEqual(transcript);
  });
});

describe('openQuestion', () => {
  it('is the last reply with its buttons when the bot spoke last (a page reload shows them again)', () => {
    expect(openQuestion([heard({ type: 'user.text', text: 'hi' }), privacy, heard({ type: 'user.returned' })])).toEqual({ choices: privacy.body && (privacy.body as { choices: unknown }).choices });
  });

  it('keeps the buttons of the question when a staff notice without buttons came after it', () => {
    expect(openQuestion([privacy, said('工作人员已受理您的申请')])?.choices.map((c) => c.id)).toEqual(['consent.agree', 'consent.decline']);
    expect(openQuestion([privacy, heard({ type: 'user.text', text: 'ok' }), said('Noted.')])).toEqual({ choices: [] });
  });

  it('keeps a checklist a checklist', () => {
    const groups: TranscriptEntry = { id: nextId++, direction: 'out', body: { text: 'Which apply?', choices: [{ id: 'g', label: '☐ G' }], multiSelect: { doneId: 'done' } }, createdAt: 0 };
    expect(openQuestion([groups])?.multiSelect).toEqual({ doneId: 'done' });
  });

  it('is null when nothing was kept or the resident spoke last (the conversation must say where they are)', () => {
    expect(openQuestion([])).toBeNull();
    expect(openQuestion([privacy, heard({ type: 'user.text', text: 'hello?' })])).toBeNull();
  });
});
