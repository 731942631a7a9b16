import { describe, expect, it } from 'vitest';
import { isResidentId, MAX_TEXT_LENGTH, parseClientFrame } from '../../../src/bot/web/web-protocol.js';

const user = 'Ab3_-Ab3_-Ab3_-Ab3_-';
const frame = (fields: object) => JSON.stringify({ user, mid: 'mid-00001', ...fields });

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

describe('parseClientFrame', () => {
  it('reads the frames the page sends', () => {
    expect(parseClientFrame(frame({ type: 'welcome_back' }))).toEqual({ type: 'welcome_back', user, mid: 'mid-00001' });
    expect(parseClientFrame(frame({ type: 'message', text: '  你好 ' }))).toMatchObject({ type: 'message', text: '你好' });
    expect(parseClientFrame(frame({ type: 'choice', id: 'consent.agree' }))).toMatchObject({ id: 'consent.agree' });
    expect(parseClientFrame(frame({ type: 'refused_attachment', reason: 'size', fileName: 'a.pdf' }))).toMatchObject({ reason: 'size', fileName: 'a.pdf' });
  });

  it.each([
    ['not JSON', 'hello'],
    ['a bad resident id', JSON.stringify({ type: 'hello', user: 'short', mid: 'mid-00001' })],
    ['no message id', JSON.stringify({ type: 'hello', user })],
    ['an unknown type', frame({ type: 'exec' })],
    ['empty text', frame({ type: 'message', text: '   ' })],
    ['too long a text', frame({ type: 'message', text: 'x'.repeat(MAX_TEXT_LENGTH + 1) })],
    ['a strange choice id', frame({ type: 'choice', id: '<script>' })],
    ['an unknown refusal reason', frame({ type: 'refused_attachment', reason: 'virus' })],
  ])('ignores %s', (_what, raw) => {
    expect(parseClientFrame(raw)).toBeNull();
  });
});
