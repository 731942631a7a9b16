import type { ResidentEvent } from '../events.js';

export type Navigation = 'back' | 'cancel' | 'restart' | 'change';

const WORDS: [Navigation, RegExp][] = [
  ['back', /^(返回|上一步|后退|回到上一步|back|go back|previous)[!！。.]*$/i],
  // Going back with a word around it: "wait go back", "sorry, can i go back", "等等 返回上一步", "能不能返回上一步".
  [
    'back',
    /^(?:(?:等等|等一下|哎呀|不好意思|对不起)[，,\s]*)?(?:我想|我要|能不能|可以|可不可以|请|麻烦)?(?:返回上一步|返回上一题|回到上一步|回到上一题|回到上一个问题|上一个问题|上一题|退回去|退回上一步|返回|上一步)(?:吧|一下|好吗|可以吗|吗)?[!！。.?？]*$|^(?:(?:wait|oops|sorry|hold on)[,\s]+)?(?:(?:can|could|may) i |i want to |i'?d like to |let me |please )?(?:go back|back|previous question|go to the previous question)(?: (?:please|pls|plz|one step|a step))?[!.?]*$/i,
  ],
  ['cancel', /^(取消|取消申请|不申请了|不办了|cancel|stop|quit)[!！。.]*$/i],
  ['restart', /^(重新填写?|重新开始填写?|重来|重填|start over|start again)[!！。.]*$/i],
  ['change', /^(修改|改一下|更改|我要修改|change|edit|change an answer)[!！。.]*$/i],
];

/** "Back", "cancel", "start over" or "change", as a button or typed at any question. */
export function readNavigation(event: ResidentEvent): Navigation | null {
  if (event.type === 'user.choice') {
    const id = event.id.startsWith('intake.') ? event.id.slice(7) : null;
    return id === 'back' || id === 'cancel' || id === 'restart' || id === 'change' ? id : null;
  }
  if (event.type !== 'user.text') return null;
  const text = event.text.trim();
  for (const [nav, pattern] of WORDS) if (pattern.test(text)) return nav;
  return null;
}

/**
 * "Wait, I picked the wrong place", "刚才选错了": an earlier answer was wrong. Read only when the text is not an
 * answer to the question on screen ("oops wrong one, its demo county not city" at the region question is the answer).
 */
const CORRECTION =
  /不是(给|为|替)?我?自己申请|不是(给|为|替)我申请|\bnot for (me|myself)\b|选错了|点错了|填错了|写错了|弄错了|搞错了|按错了|说错了|刚才(的|那个)?不对|上一个不对|\bwrong (one|place|answer|button|choice|option|region|age)\b|\b(picked|chose|pressed|clicked|tapped|selected|put|entered|typed) the wrong\b|\bmade a mistake\b|\bthat was wrong\b|(年龄|岁数|地区|地方|名字|姓名|类型|人数|收入|残疾)(那个|那项|那一项)?(填|写|选)?(的)?(不对|有误|错了)|\b(my |the )?(age|region|area|name|category|household size|income|disability)( (i|that i) (gave|put|typed|entered|chose|picked|said))? (is|was) (wrong|not right|incorrect)\b/i;

export function saysCorrection(event: ResidentEvent): boolean {
  return event.type === 'user.text' && CORRECTION.test(event.text.normalize('NFKC'));
}
