import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_CHARS } from '../../../src/bot/channel.js';
import { isResidentId, localeHint, parseClientFrame } from '../../../src/bot/web/web-protocol.js';

const frame = (fields: object) => JSON.stringify({ mid: 'mid-00001', ...fields });

describe('isResidentId', () => {
  it.each([
    ['a'.repeat(16), true],
    ['a'.repeat(64), true],
    ['A-z_09'.repeat(4), true],
    ['a'.repeat(15), false],
    ['a'.repeat(65), false],
    ['has a space in it!', false],
    ['中文中文中文中文中文中文中文中文', false],
    [42, false],
  ])('%s → %s', (value, expected) => {
    expect(isResidentId(value)).toBe(expected);
  });
});

describe('localeHint', () => {
  it.each([
    ['en-GB', 'en'],
    ['en', 'en'],
    ['zh-TW', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['fr-FR', undefined],
    [undefined, undefined],
  ])('%s → %s', (value, expected) => {
    expect(localeHint(value)).toBe(expected);
  });
});

describe('parseClientFrame', () => {
  it('reads the frames the page sends, which never name the resident', () => {
    expect(parseClientFrame(frame({ type: 'hello', locale: 'en-US' }))).toEqual({ type: 'hello', mid: 'mid-00001', locale: 'en' });
    expect(parseClientFrame(frame({ type: 'hello', user: 'aaaaaaaaaaaaaaaa' }))).toEqual({ type: 'hello', mid: 'mid-00001' });
    expect(parseClientFrame(frame({ type: 'message', text: '  你好 ' }))).toMatchObject({ type: 'message', text: '你好' });
    expect(parseClientFrame(frame({ type: 'choice', id: 'consent.agree' }))).toMatchObject({ id: 'consent.agree' });
    expect(parseClientFrame(frame({ type: 'choices', ids: ['group:migrant_worker', 'group:registered_poor'] }))).toMatchObject({
      type: 'choices',
      ids: ['group:migrant_worker', 'group:registered_poor'],
    });
    expect(parseClientFrame(frame({ type: 'choices', ids: [] }))).toMatchObject({ type: 'choices', ids: [] });
    expect(parseClientFrame(frame({ type: 'refused_attachment', reason: 'size', fileName: 'a.pdf' }))).toMatchObject({ reason: 'size', fileName: 'a.pdf' });
  });

  it('takes a message of exactly the one limit and marks a longer one too long', () => {
    expect(parseClientFrame(frame({ type: 'message', text: '字'.repeat(MAX_MESSAGE_CHARS) }))).toMatchObject({ type: 'message' });
    expect(parseClientFrame(frame({ type: 'message', text: '字'.repeat(MAX_MESSAGE_CHARS + 1) }))).toEqual({ type: 'too_long', mid: 'mid-00001' });
  });

  it.each([
    ['not JSON', 'hello'],
    ['no message id', JSON.stringify({ type: 'hello' })],
    ['an unknown type', frame({ type: 'exec' })],
    ['empty text', frame({ type: 'message', text: '   ' })],
    ['a strange choice id', frame({ type: 'choice', id: '<script>' })],
    ['a strange id in a checklist', frame({ type: 'choices', ids: ['ok', '<script>'] })],
    ['an unknown refusal reason', frame({ type: 'refused_attachment', reason: 'virus' })],
  ])('ignores %s', (_what, raw) => {
    expect(parseClientFrame(raw)).toBeNull();
  });
});
