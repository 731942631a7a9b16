import type { Locale } from '../../locales/catalog.js';
import { translate } from '../../locales/render.js';

/** The keys of the account menu's buttons: the ids of the conversation's own menu choices. */
export const MENU_KEYS = { ask: 'menu.ask', apply: 'menu.apply', status: 'menu.status', human: 'menu.human' } as const;

/** Keys that only mean something on the conversation's main menu; elsewhere the menu is opened first. */
export const MAIN_MENU_ONLY: ReadonlySet<string> = new Set([MENU_KEYS.ask, MENU_KEYS.apply]);

interface Button {
  type?: 'click';
  name: string;
  key?: string;
  sub_button?: Button[];
}

/**
 * The body of `/cgi-bin/menu/create`: 咨询 | 法律援助 (申请法律援助, 查询进度) | 转人工. WeChat allows three
 * top-level buttons of at most 16 bytes (four Chinese characters), so the two about applications
 * share one.
 */
export function accountMenu(locale: Locale): { button: Button[] } {
  const click = (key: string, text: string): Button => ({ type: 'click', name: translate(text, locale), key });
  return {
    button: [
      click(MENU_KEYS.ask, 'wechat.menu.ask'),
      {
        name: translate('wechat.menu.legal_aid', locale),
        sub_button: [click(MENU_KEYS.apply, 'wechat.menu.apply'), click(MENU_KEYS.status, 'wechat.menu.status')],
      },
      click(MENU_KEYS.human, 'wechat.menu.human'),
    ],
  };
}

/** The button names, for telling the operator what was created. */
export function menuNames(menu: { button: Button[] }): string[] {
  return menu.button.flatMap((b) => (b.sub_button ? b.sub_button.map((s) => `${b.name} › ${s.name}`) : [b.name]));
}
