import { oneToThreeOf } from './word-run.js';

const AGREE_WORDS = '同意|我同意|同意的|同意了|同意啊|好|好的|好吧|好滴|好嘞|好啊|好呀|可以|可以的|可以啊|可以呀|行|行吧|行的|行啊|嗯|嗯嗯|嗯呢|嗯呐|嗯哪|嗯那|恩|恩恩|恩呐|好哒|是|是的|是滴|对|对的|对啊|对呀|中|要得|没毛病|没问题|没事|接受|知道了|ok|okay|okk|o\\.k\\.|yes|yeah|yep|yup|y|sure|agree|i agree|agreed|fine|accept|i accept|go ahead|go on|continue|carry on|proceed|继续|继续吧|继续申请|alright|all right|can|can can|ok的|ok啦|okay的|可以可以|好的好的|行行';
// One to three of them ("yes ok", "好的 同意", "ok sure i agree"), perhaps with a closing particle ("ok lah", "yes i agree la").
const AGREE = oneToThreeOf(AGREE_WORDS, { between: '[\\s,，、]+', end: '(?:[\\s,，]*(?:la|lah|啦|哈))?[\\s!！。.,，~～]*' });
const DECLINE = /^(不同意|我不同意|不|不要|不行|不可以|不用了?|不好|否|拒绝|算了|no|nope|n|decline|i decline|i do not agree|i don't agree|don'?t agree|disagree|refuse)[\s!！。.,，~～]*$/i;

/** Giving up on the questions in a sentence ("我不想填了 太麻烦", "too many questions forget it"): a no. */
const GIVING_UP = /^(我)?(不想|不愿意|懒得)(填|回答|说|弄|申请|继续)|^(太麻烦|不填了|不申请了)|太麻烦了?[\s,，。!！]*(算了|不弄了|不填了)?[\s!！。.]*$|\bi (don'?t|do not) want to (answer|fill|apply|do this|go on)\b|\btoo (much|many) questions\b|\bforget it\b|\bnever ?mind\b/i;

/** Reads a typed yes/no to the privacy notice; `null` when the text is neither. */
export function readConsent(text: string): 'agree' | 'decline' | null {
  // "好的，同意，谢谢" / "ok i agree thanks": the fillers around the answer do not change it.
  const t = text
    .normalize('NFKC')
    .trim()
    .replace(/^(好的|好|嗯嗯?|恩|ok|okay)[\s,，、]+(?=\S)(?!(?:la|lah|啦|哈)[\s!！。.]*$)/i, '')
    // "嗯嗯同意", "好的可以": the filler run straight into the answer.
    .replace(/^(好的|嗯+|恩+|ok|okay)(?=同意|不同意|可以|没问题|接受|agree|i agree)/i, '')
    .replace(/[\s,，、]*(谢谢|谢谢你|谢了|thanks|thank you)[\s!！。.]*$/i, '')
    .trim();
  if (AGREE.test(t)) return 'agree';
  if (DECLINE.test(t) || GIVING_UP.test(t)) return 'decline';
  return null;
}
