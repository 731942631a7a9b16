import type { ResidentEvent } from '../events.js';

export type Navigation = 'back' | 'cancel' | 'restart' | 'change';

const WORDS: [Navigation, RegExp][] = [
  ['back', /^(返回|上一步|后退|回到上一步|back|go back|previous)[!！。.]*$/i],
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
