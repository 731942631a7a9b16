import type { WechatChannel } from '../bot/wechat/wechat-channel.js';
import type { RunningConsole } from './start-console.js';

/**
 * Tells open consoles when WeChat holds a case's notice (the 48-hour rule): the case page and the inbox
 * redraw and show that the applicant has not been told, moments after the action said they were.
 */
export function tellConsoleOfHeldNotices(wechat: Pick<WechatChannel, 'onNoticeHeld'>, staffConsole: Pick<RunningConsole, 'staff'>): void {
  wechat.onNoticeHeld((c) => staffConsole.staff.events.publish({ type: 'case.changed', ref: c.ref, office: c.route, status: c.status }));
}
