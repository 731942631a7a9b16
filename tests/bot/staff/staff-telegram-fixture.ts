import { afterEach } from 'vitest';
import type { Update, User } from 'telegraf/types';
import type { App } from '../../../src/bot/app.js';
import { createStaffTelegram, type StaffTelegram, type StaffTelegramOptions } from '../../../src/bot/staff/telegram-staff.js';
import { startTelegram, type TelegramChannel } from '../../../src/bot/telegram/start-telegram.js';
import { translate } from '../../../src/locales/render.js';
import { FakeTelegramApi, type SentMessage } from '../../helpers/fake-telegram-api.js';
import { Writable } from 'node:stream';
import { createApp } from '../../../src/bot/app.js';
import { createLogger } from '../../../src/bot/logger.js';
import { parseConfig } from '../../../src/config.js';
import { tempDir } from '../../helpers/temp-dir.js';

/** Token-shaped, and only ever sent to the fake API. */
const TOKEN = '123456:TEST-staff_abcdefghijklmnopqrstuvwxyz';

/** The staff group, a resident's private chat, two members of staff and a stranger who found the group. */
export const STAFF_CHAT = -100777;
export const RESIDENT = 1001;
export const WANG: User = { id: 501, is_bot: false, first_name: '王芳' };
export const ZHAO: User = { id: 502, is_bot: false, first_name: '赵强' };
export const STRANGER: User = { id: 666, is_bot: false, first_name: 'Mallory' };

const GROUP = { id: STAFF_CHAT, type: 'supergroup' as const, title: 'Legal aid staff' };
const BOT = { id: 999000, is_bot: true, first_name: 'Fayuan Test', username: 'fayuan_test_bot' };

export const zh = (key: string, params?: Record<string, string | number>) => translate(key, 'zh-CN', params);

export { WAGES_APPLICATION } from '../../fixtures/wages-application.js';

export interface StaffBot {
  fake: FakeTelegramApi;
  app: App;
  channel: TelegramChannel;
  staff: StaffTelegram;
  /** The app's log lines so far (JSON). */
  logs: string[];
}

const running: StaffBot[] = [];

/**
 * The real app, telegraf and the staff side against a fake Bot API: the staff group is
 * `STAFF_CHAT`, and 王芳 and 赵强 are the configured staff user ids.
 */
export async function startStaffBot(env: Record<string, string> = {}, options: StaffTelegramOptions = {}): Promise<StaffBot> {
  const fake = await FakeTelegramApi.start(TOKEN);
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const app = await createApp(
    parseConfig({
      FAYUAN_DATA_DIR: tempDir(),
      WEB_CHAT: 'off',
      KB_INDEX_WORKER: 'off',
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: fake.url,
      TELEGRAM_STAFF_CHAT_ID: String(STAFF_CHAT),
      TELEGRAM_STAFF_USER_IDS: `${WANG.id},${ZHAO.id}`,
      PRIVACY_SENSITIVE_CONSENT: 'off',
      ...env,
    }),
    createLogger('info', sink),
  );
  const config = app.config.telegram;
  if (config.mode === 'off') throw new Error('The test config did not turn Telegram on.');
  const staff = createStaffTelegram(app, config, { pickupCheckMs: 3_600_000, overdueCheckMs: 3_600_000, ...options });
  const channel = await startTelegram(app, config, { onStaffUpdate: staff.onStaffUpdate });
  staff.attach(channel);
  const bot = { fake, app, channel, staff, logs };
  running.push(bot);
  return bot;
}

afterEach(async () => {
  for (const { staff, channel, app, fake } of running.splice(0).reverse()) {
    await channel.close();
    await staff.close();
    await app.close();
    await fake.close();
  }
});

/** A press by `user` on the button `data` under the bot's message `on` in the staff group. */
export function staffPress(fake: FakeTelegramApi, on: SentMessage, data: string, user: User): Update {
  return fake.again({
    update_id: 0,
    callback_query: {
      id: `staff-query-${Math.random().toString(36).slice(2)}`,
      from: user,
      chat_instance: 'staff-group',
      data,
      message: { message_id: on.messageId, date: now(), chat: GROUP, from: BOT, text: on.text ?? '' },
    },
  } as Update);
}

/** A text by `user` in the staff group, as a reply to the bot's message `replyTo` if given. */
export function staffSays(fake: FakeTelegramApi, text: string, user: User, replyTo?: SentMessage): Update {
  return asStaff(fake.text(STAFF_CHAT, text, { chat: GROUP, fromId: user.id }), user, replyTo);
}

/** A photo by `user` in the staff group (file `fileId`, see `fake.addFile`), as a reply to `replyTo`. */
export function staffPhoto(fake: FakeTelegramApi, fileId: string, user: User, replyTo: SentMessage): Update {
  const update = fake.photo(STAFF_CHAT, fileId) as Update.MessageUpdate;
  return asStaff({ ...update, message: { ...update.message, chat: GROUP } } as Update, user, replyTo);
}

function asStaff(update: Update, user: User, replyTo?: SentMessage): Update {
  const message = (update as Update.MessageUpdate).message;
  const reply = replyTo
    ? { reply_to_message: { message_id: replyTo.messageId, date: now(), chat: GROUP, from: BOT, text: replyTo.text ?? '' } }
    : {};
  return { ...update, message: { ...message, from: user, ...reply } } as Update;
}

/**
 * Answers as a resident would, one line at a time after the bot answered the previous one: a line
 * that is the label (or id) of a button under the bot's latest message presses it, anything else is typed.
 */
export async function residentSays(fake: FakeTelegramApi, chatId: number, lines: readonly string[]): Promise<void> {
  for (const line of lines) {
    const before = fake.sent(chatId).length;
    const buttons = [...fake.sent(chatId)].reverse().find((m) => m.buttons?.length)?.buttons ?? [];
    const button = buttons.find((b) => b.text === line || b.data === line);
    fake.inject(button ? fake.press(chatId, button.data) : fake.text(chatId, line));
    await fake.waitForSent(chatId, before + 1);
    await settle(fake, chatId);
  }
}

/** Waits until the chat has had no new message for a moment. */
export async function settle(fake: FakeTelegramApi, chatId: number, quietMs = 60): Promise<void> {
  let count = -1;
  while (count !== fake.sent(chatId).length) {
    count = fake.sent(chatId).length;
    await new Promise((r) => setTimeout(r, quietMs));
  }
}

/** The staff group's messages whose text contains `part`. */
export function staffMessages(fake: FakeTelegramApi, part: string): SentMessage[] {
  return fake.sent(STAFF_CHAT).filter((m) => (m.text ?? m.caption ?? '').includes(part));
}

function now(): number {
  return Math.floor(Date.now() / 1000);
}
