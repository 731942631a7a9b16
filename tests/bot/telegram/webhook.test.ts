import { describe, expect, it } from 'vitest';
import { postUpdate } from '../../helpers/fake-telegram-api.js';
import { WEBHOOK_SECRET, startTestBot, webhookEnv, zh } from './telegram-fixture.js';

const ANA = 3001;

describe('Telegram channel (webhook)', () => {
  it('registers the webhook with its secret and answers an update posted with the secret header', async () => {
    const { fake, channel } = await startTestBot(webhookEnv());
    expect(fake.webhook).toEqual({ url: 'https://bot.example.org/telegram/hook', secretToken: WEBHOOK_SECRET });
    expect(channel.webhook?.host).toBe('127.0.0.1');
    const status = await postUpdate(`http://127.0.0.1:${channel.webhook!.port}/telegram/hook`, fake.text(ANA, '/start'), WEBHOOK_SECRET);
    expect(status).toBe(200);
    expect((await fake.waitForSent(ANA, 2)).map((m) => m.text)).toEqual([zh('core.greeting'), zh('core.privacy')]);
    expect(fake.callsTo('getUpdates')).toEqual([]);
    expect(fake.callsTo('deleteWebhook')).toEqual([]);
  });

  it('answers 200 only once the turn is stored, so a redelivery after a crash is possible', async () => {
    const { fake, app, channel } = await startTestBot(webhookEnv());
    await postUpdate(`http://127.0.0.1:${channel.webhook!.port}/telegram/hook`, fake.text(ANA, '/start'), WEBHOOK_SECRET);
    expect(await app.runner.inspect('telegram', String(ANA))).toMatchObject({ value: 'welcome' });
  });

  it('refuses updates without the right secret header with 401 and handles none of them', async () => {
    const { fake, app, channel } = await startTestBot(webhookEnv());
    const url = `http://127.0.0.1:${channel.webhook!.port}/telegram/hook`;
    expect(await postUpdate(url, fake.text(ANA, '/start'))).toBe(401);
    expect(await postUpdate(url, fake.text(ANA, '/start'), 'wrong-secret_0123456789')).toBe(401);
    expect(await postUpdate(`http://127.0.0.1:${channel.webhook!.port}/elsewhere`, fake.text(ANA, '/start'), WEBHOOK_SECRET)).toBe(404);
    expect(await app.runner.inspect('telegram', String(ANA))).toBeUndefined();
    expect(fake.sent(ANA)).toEqual([]);
  });

  it('answers a button press posted to the webhook', async () => {
    const { fake, channel } = await startTestBot(webhookEnv());
    const url = `http://127.0.0.1:${channel.webhook!.port}/telegram/hook`;
    await postUpdate(url, fake.text(ANA, '/start'), WEBHOOK_SECRET);
    await fake.waitForSent(ANA, 2);
    expect(await postUpdate(url, fake.press(ANA, 'consent.agree'), WEBHOOK_SECRET)).toBe(200);
    expect((await fake.waitForSent(ANA, 3))[2]!.text).toBe(zh('core.menu'));
    expect(fake.callsTo('answerCallbackQuery')).toHaveLength(1);
  });
});
