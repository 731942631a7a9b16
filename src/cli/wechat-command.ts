import { parseArgs } from 'node:util';
import { hashKey } from '../bot/conversation-runner.js';
import { WechatApi, WechatApiError } from '../bot/wechat/wechat-api.js';
import { accountMenu, menuNames } from '../bot/wechat/wechat-menu.js';
import { isLocale, type Locale } from '../locales/catalog.js';
import { translate } from '../locales/render.js';
import { openStorage } from '../storage/open-storage.js';
import { WechatHeldStore } from '../storage/wechat-held-store.js';
import type { Command } from './io.js';

/**
 * `fayuan wechat menu [--lang en]`: creates the official account's custom menu from the locale files.
 * `fayuan wechat held [--lang en] [--json]`: lists notices WeChat would not take yet (48-hour rule).
 */
export const wechatCommand: Command = async ({ args, stdout, stderr, config }) => {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { lang: { type: 'string' }, locale: { type: 'string' }, json: { type: 'boolean' } } });
  } catch {
    stderr.write(`${translate('wechat.cli.usage', 'zh-CN')}\n`);
    return 2;
  }
  const wanted = parsed.values.lang ?? parsed.values.locale ?? 'zh-CN';
  const locale: Locale = isLocale(wanted) ? wanted : 'zh-CN';
  const say = (key: string, params?: Record<string, string>) => translate(key, locale, params);
  const [sub] = parsed.positionals;

  if (sub === 'menu') {
    if (!config.wechat) {
      stderr.write(`${say('wechat.cli.not_configured')}\n`);
      return 1;
    }
    const { apiRoot, appId, appSecret } = config.wechat;
    const menu = accountMenu(locale);
    try {
      await WechatApi.shared({ apiRoot, appId, appSecret }).call('/cgi-bin/menu/create', menu);
    } catch (error) {
      if (error instanceof WechatApiError) stderr.write(`${say('wechat.cli.menu_failed', { errcode: String(error.errcode) })}\n`);
      else stderr.write(`${say('wechat.cli.unreachable', { reason: error instanceof Error ? error.message : 'unknown' })}\n`);
      return 1;
    }
    stdout.write(`${say('wechat.cli.menu_created', { buttons: menuNames(menu).join(' | ') })}\n`);
    return 0;
  }

  if (sub === 'held') {
    const db = await openStorage(config.databaseFile);
    try {
      const waiting = await new WechatHeldStore(db).waiting();
      if (parsed.values.json) {
        stdout.write(`${JSON.stringify(waiting.map((h) => ({ ...h, conversationKey: hashKey(h.conversationKey) })))}\n`);
        return 0;
      }
      if (waiting.length === 0) {
        stdout.write(`${say('wechat.cli.held_none')}\n`);
        return 0;
      }
      stdout.write(`${say('wechat.cli.held_header')}\n`);
      for (const h of waiting) {
        const reasonKey = `wechat.reason.${h.errcode}`;
        stdout.write(
          `${say('wechat.cli.held_line', {
            since: new Date(h.heldAt).toISOString().slice(0, 16).replace('T', ' '),
            case: h.caseRef ?? say('wechat.cli.no_case'),
            conversation: hashKey(h.conversationKey),
            reason: reasonKey === 'wechat.reason.45047' ? say(reasonKey) : say('wechat.reason.45015'),
          })}\n`,
        );
      }
      return 0;
    } finally {
      await db.close();
    }
  }

  stderr.write(`${say('wechat.cli.usage')}\n`);
  return 2;
};
