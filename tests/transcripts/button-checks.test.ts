import { describe, expect, it } from 'vitest';
import { expectNoButtons } from './button-checks.js';

const consumerAnswer = { key: 'core.text', choices: [{ id: 'faq:online_shopping' }, { id: 'apply:consumer' }, { id: 'menu.back' }] };
const menu = { key: 'core.menu', choices: [{ id: 'menu.apply' }, { id: 'menu.human' }] };

describe('notButtons (a button absent from a turn)', () => {
  it('passes when no reply offers the button', () => {
    expect(() => expectNoButtons('step 1', [consumerAnswer, menu], ['apply:wages'])).not.toThrow();
  });
  it('fails when the last reply offers it', () => {
    expect(() => expectNoButtons('step 1', [menu], ['menu.human'])).toThrow(/no button menu\.human/);
  });
  it('fails when an earlier reply of the turn offers it, not only the last', () => {
    const wages = { ...consumerAnswer, choices: [...consumerAnswer.choices, { id: 'apply:wages' }] };
    expect(() => expectNoButtons('step 1', [wages, menu], ['apply:wages'])).toThrow(/core\.text/);
  });
  it('reads x:* as any id with that prefix', () => {
    expect(() => expectNoButtons('step 1', [consumerAnswer], ['apply:*'])).toThrow();
    expect(() => expectNoButtons('step 1', [consumerAnswer], ['opt:age:*'])).not.toThrow();
  });
});
