import { afterEach } from 'vitest';
import type { App } from '../../../src/bot/app.js';
import { startTelegram, type TelegramChannel, type TelegramOptions } from '../../../src/bot/telegram/start-telegram.js';
import { translate } from '../../../src/locales/render.js';
import { FakeTelegramApi } from '../../helpers/fake-telegram-api.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { testApp } from '../../helpers/test-app.js';

/** Token-shaped, and only ever sent to the fake API. */
export const TOKEN = '123456:TEST-token_abcdefghijklmnopqrstuvwxyz';
export const WEBHOOK_SECRET = 'test-secret_0123456789';

export const zh = (key: string, params?: Record<string, string>) => translate(key, 'zh-CN', params);
export const en = (key: string, params?: Record<string, string>) => translate(key, 'en', params);

export interface TestBot {
  fake: FakeTelegramApi;
  app: App;
  channel: TelegramChannel;
}

const running: TestBot[] = [];

/** The real app and telegraf against a fake Bot API on 127.0.0.1; closed after the test. */
export async function startTestBot(env: Record<string, string> = {}, options: TelegramOptions = {}): Promise<TestBot> {
  const fake = await FakeTelegramApi.start(TOKEN);
  const app = await testApp(tempDir(), { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: fake.url, ...env });
  const telegram = app.config.telegram;
  if (telegram.mode === 'off') throw new Error('The test config did not turn Telegram on.');
  try {
    const channel = await startTelegram(app, telegram, options);
    const bot = { fake, app, channel };
    running.push(bot);
    return bot;
  } catch (error) {
    await app.close();
    await fake.close();
    throw error;
  }
}

/** Webhook mode on a free local port. */
export function webhookEnv(): Record<string, string> {
  return { TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/telegram/hook', TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET, PORT: '0' };
}

afterEach(async () => {
  for (const { channel, app, fake } of running.splice(0).reverse()) {
    await channel.close();
    await app.close();
    await fake.close();
  }
});
