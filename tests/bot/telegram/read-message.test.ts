import { describe, expect, it } from 'vitest';
import type { Message } from 'telegraf/types';
import { readMessage } from '../../../src/bot/telegram/read-message.js';

const base = { message_id: 1, date: 0, chat: { id: 1, type: 'private', first_name: 'R' } };
const message = (content: Record<string, unknown>) => ({ ...base, ...content }) as unknown as Message;
const file = { file_id: 'f', file_unique_id: 'u' };

describe('readMessage', () => {
  it.each([
    ['plain text', { text: '老板欠我工资' }, { type: 'user.text', text: '老板欠我工资' }],
    ['a command with an argument', { text: '/lang en' }, { type: 'user.command', command: 'lang', arg: 'en' }],
    ['a command addressed to the bot', { text: '/start@fayuan_test_bot' }, { type: 'user.command', command: 'start' }],
    ['a sticker', { sticker: file }, { type: 'user.unsupported', kind: 'sticker' }],
    ['a voice message', { voice: file }, { type: 'user.unsupported', kind: 'voice' }],
    ['a location', { location: { latitude: 1, longitude: 2 } }, { type: 'user.unsupported', kind: 'location' }],
    ['a venue', { venue: {}, location: {} }, { type: 'user.unsupported', kind: 'location' }],
    ['a GIF, which also carries a document', { animation: file, document: file }, { type: 'user.unsupported', kind: 'video' }],
    ['a contact card', { contact: { phone_number: '1', first_name: 'X' } }, { type: 'user.unsupported', kind: 'contact' }],
    ['a poll', { poll: {} }, { type: 'user.unsupported', kind: 'other' }],
  ])('reads %s', (_name, content, event) => {
    expect(readMessage(message(content))).toEqual({ kind: 'event', event });
  });

  it('takes the largest size of a photo', () => {
    const photo = [
      { ...file, file_id: 'small', width: 90, height: 90, file_size: 900 },
      { ...file, file_id: 'large', width: 1280, height: 960, file_size: 90_000 },
    ];
    expect(readMessage(message({ photo }))).toEqual({
      kind: 'file',
      file: { fileId: 'large', fileName: 'photo.jpg', mimeType: 'image/jpeg', size: 90_000 },
    });
  });

  it('reads a document without a stated type as one of unknown type', () => {
    expect(readMessage(message({ document: file }))).toEqual({
      kind: 'file',
      file: { fileId: 'f', fileName: 'document', mimeType: 'application/octet-stream' },
    });
  });

  it.each([
    ['folders', '../../etc/passwd.pdf', 'passwd.pdf'],
    ['control and direction-changing characters', 'inv\u202Eoice\n.pdf', 'invoice.pdf'],
    ['nothing left', '\u0000', 'document'],
  ])('cleans a file name of %s', (_name, fileName, cleaned) => {
    const read = readMessage(message({ document: { ...file, file_name: fileName, mime_type: 'application/pdf' } }));
    expect(read).toMatchObject({ kind: 'file', file: { fileName: cleaned } });
  });

  it('ignores service messages nobody typed', () => {
    expect(readMessage(message({ pinned_message: {} }))).toBeUndefined();
  });
});
