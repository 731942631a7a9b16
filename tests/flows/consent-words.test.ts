import { describe, expect, it } from 'vitest';
import { readConsent } from '../../src/flows/consent-words.js';

describe('a typed answer to the privacy question', () => {
  const rows: [string, 'agree' | 'decline' | null][] = [
    ['同意', 'agree'], ['好的，同意，谢谢', 'agree'], ['I agree', 'agree'], ['OK!', 'agree'],
    // Session 4: two or three yes-words together were a reminder ("yes ok" → "please choose first").
    ['yes ok', 'agree'], ['好吧 同意', 'agree'], ['ok sure i agree', 'agree'], ['嗯嗯 可以', 'agree'],
    ['不同意', 'decline'], ['no', 'decline'], ['I do not agree', 'decline'],
    // Session 6: giving up on the questions is a no (it got the reminder again and again).
    ['我不想填了 太麻烦', 'decline'], ['不想回答这些', 'decline'], ['太麻烦了 算了', 'decline'], ["i don't want to answer all that", 'decline'], ['too many questions forget it', 'decline'],
    ['我不想让别人知道', null], ['麻烦问一下要多久', null],
    // Session 9: the filler run straight into the answer.
    ['嗯嗯同意', 'agree'], ['好的可以', 'agree'], ['对的', 'agree'], ['中', 'agree'], ['嗯呐', 'agree'], ['嗯哪', 'agree'], ['好哒', 'agree'], ['好啊', 'agree'], ['嗯嗯不同意', 'decline'],
    ['yes no', null], ['我不知道', null], ['老板跑路了', null], ['ok but what do you keep', null],
    // Session 10: Singlish and Chinglish yeses got the reminder ("ok can", "yes i agree la", "ok的").
    ['ok can', 'agree'], ['can', 'agree'], ['yes i agree la', 'agree'], ['ok lah', 'agree'], ['ok的', 'agree'], ['可以可以', 'agree'],
    ['can i ask first', null], ['统一', null],
  ];
  it.each(rows)('%s → %s', (text, expected) => expect(readConsent(text)).toBe(expected));
});
