import { describe, expect, it } from 'vitest';
import { parseJsonlLine } from '../../src/cli/chat-jsonl.js';

describe('chat --jsonl input lines', () => {
  it('reads text, choice and command lines with an optional locale hint', () => {
    expect(parseJsonlLine('{"user":"a","text":"你好"}', 'local')).toEqual({ user: 'a', event: { type: 'user.text', text: '你好' } });
    expect(parseJsonlLine('{"user":"a","choice":"menu.apply","locale":"en"}', 'local')).toEqual({ user: 'a', event: { type: 'user.choice', id: 'menu.apply' }, locale: 'en' });
    expect(parseJsonlLine('{"user":"a","command":"/lang en"}', 'local')).toEqual({ user: 'a', event: { type: 'user.command', command: 'lang', arg: 'en' } });
    expect(parseJsonlLine('{"user":"a","command":"delete"}', 'local')).toEqual({ user: 'a', event: { type: 'user.command', command: 'delete' } });
    // Typed text is read as every channel reads it: "/delete" typed is the command (the privacy notice says to send it).
    expect(parseJsonlLine('{"user":"a","text":"/delete"}', 'local')).toEqual({ user: 'a', event: { type: 'user.command', command: 'delete' } });
  });

  it('takes a plain line as the default user’s text (or command), and skips blank lines', () => {
    expect(parseJsonlLine('老板欠我工资', 'local')).toEqual({ user: 'local', event: { type: 'user.text', text: '老板欠我工资' } });
    expect(parseJsonlLine('/help', 'local')).toEqual({ user: 'local', event: { type: 'user.command', command: 'help' } });
    expect(parseJsonlLine('   ', 'local')).toBeNull();
  });

  it('says what is wrong with a bad line', () => {
    expect(parseJsonlLine('{"user":"a","text":', 'local')).toEqual({ error: 'not valid JSON' });
    expect(parseJsonlLine('{"user":"a b","text":"x"}', 'local')).toHaveProperty('error');
    expect(parseJsonlLine('{"user":"a"}', 'local')).toEqual({ error: 'a line needs "text", "choice", "choices" or "command"' });
    expect(parseJsonlLine('{"user":"a","command":"/fly"}', 'local')).toEqual({ error: 'unknown command /fly' });
    // An unknown locale is not a hint.
    expect(parseJsonlLine('{"user":"a","text":"hi","locale":"fr"}', 'local')).toEqual({ user: 'a', event: { type: 'user.text', text: 'hi' } });
  });
});
