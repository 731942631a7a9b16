import { describe, expect, it } from 'vitest';
import { tellsWhatHappened } from '../../../src/flows/intake/account-words.js';

describe('an account typed at "continue?" after the assessment', () => {
  it.each([
    ['i dont work anymore, he controls all the money and the boss keeps saying next month', true],
    ['I worked on a building site for half a year and the boss owes me 3 months wages.', true],
    ['我在工地干了半年，包工头说工程款没结下来，一直拖着不给我们发工资', true],
    ['他喝了酒就打我，孩子也跟着害怕，我想离婚', true],
    // Putting it off, or too short to be an account: the reminder with the buttons.
    ['先不提交了', false],
    ['我想考虑一下再说，先不申请了可以吗', false],
    ['not now', false],
    ['i dont want to submit this yet, let me think', false],
    ['wait', false],
    ['不', false],
    ['ok', false],
  ])('%s → %s', (text, expected) => {
    expect(tellsWhatHappened(text)).toBe(expected);
  });
});
