import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../../src/bot/app.js';
import { startTelegram } from '../../../src/bot/telegram/start-telegram.js';
import { FakeTelegramApi } from '../../helpers/fake-telegram-api.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { testApp } from '../../helpers/test-app.js';
import { TOKEN, startTestBot, webhookEnv, zh } from './telegram-fixture.js';

const ANA = 5001;
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function appFor(env: Record<string, string>): Promise<App> {
  const app = await testApp(tempDir(), { TELEGRAM_BOT_TOKEN: TOKEN, ...env });
  cleanups.push(() => app.close());
  return app;
}

function telegramOf(app: App) {
  if (app.config.telegram.mode === 'off') throw new Error('Telegram is off in this test config.');
  return app.config.telegram;
}

describe('starting the Telegram channel', () => {
  it('refuses to start with a token Telegram does not accept, naming the setting to check', async () => {
    const fake = await FakeTelegramApi.start('654321:another-token_abcdefghijklmnop');
    cleanups.push(() => fake.close());
    const app = await appFor({ TELEGRAM_API_ROOT: fake.url });
    await expect(startTelegram(app, telegramOf(app))).rejects.toThrow(/getMe: 401 Unauthorized\). Check TELEGRAM_BOT_TOKEN/);
  });

  it('reaches a Bot API served under a path, given without a trailing slash', async () => {
    const fake = await FakeTelegramApi.start(TOKEN, { prefix: '/telegram-api' });
    cleanups.push(() => fake.close());
    const app = await appFor({ TELEGRAM_API_ROOT: fake.url });
    const channel = await startTelegram(app, telegramOf(app));
    cleanups.push(() => channel.close());
    fake.inject(fake.text(ANA, '/start'));
    expect((await fake.waitForSent(ANA, 2)).map((m) => m.text)).toEqual([zh('core.greeting'), zh('core.privacy')]);
  });

  it('says which address is taken when the webhook port is in use', async () => {
    const blocker = http.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => blocker.close(() => resolve())));
    const { port } = blocker.address() as AddressInfo;
    await expect(startTestBot({ ...webhookEnv(), TELEGRAM_WEBHOOK_PORT: String(port) })).rejects.toThrow(`could not listen on 127.0.0.1:${port} (EADDRINUSE)`);
  });
});
