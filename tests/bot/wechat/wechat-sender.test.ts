import { describe, expect, it } from 'vitest';
import { DeliveryError, type OutboundMessage } from '../../../src/bot/channel.js';
import { createLogger } from '../../../src/bot/logger.js';
import { WechatApi } from '../../../src/bot/wechat/wechat-api.js';
import { NumberedChoices, WechatSender } from '../../../src/bot/wechat/wechat-sender.js';
import { MemoryWechatHeld } from '../../../src/storage/memory/memory-wechat-held.js';
import { APP_ID, APP_SECRET, startFake } from './wechat-fixture.js';

const SEND = '/cgi-bin/message/custom/send';

function message(text: string): OutboundMessage {
  return { id: 1, conversationKey: 'wechat:o-ana', channel: 'wechat', address: 'o-ana', payload: { kind: 'text', text, choices: [] }, attempts: 0 };
}

async function setup(now: () => number = Date.now) {
  const fake = await startFake();
  const api = WechatApi.shared({ apiRoot: fake.url, appId: APP_ID, appSecret: APP_SECRET, now });
  const sender = new WechatSender({
    api,
    held: new MemoryWechatHeld(),
    logger: createLogger('silent'),
    attachmentsDir: '/nonexistent',
    numbered: new NumberedChoices(),
    localeOf: async () => 'zh-CN',
  });
  const refusal = async (): Promise<DeliveryError> => {
    try {
      await sender.send(message('你好'));
    } catch (error) {
      if (error instanceof DeliveryError) return error;
      throw error;
    }
    throw new Error('the send was accepted');
  };
  return { fake, api, sender, refusal };
}

describe('WeChat sender refusals', () => {
  it('backs off on rate limits, waits on an IP whitelist problem, gives up on an unsubscribed resident', async () => {
    const { fake, refusal } = await setup();
    fake.failNext(SEND, 45011);
    expect((await refusal()).options).toMatchObject({ retryAfterMs: 60_000 });
    fake.failNext(SEND, 45009);
    expect((await refusal()).options).toMatchObject({ retryAfterMs: 600_000 });
    fake.failNext(SEND, 40164);
    expect((await refusal()).options).toMatchObject({ offline: true });
    fake.failNext(SEND, 43004);
    expect((await refusal()).options).toMatchObject({ permanent: true });
    fake.failNext(SEND, 45047);
    const held = await refusal();
    expect(held.options).toMatchObject({ held: true });
    // No refusal names the access token.
    expect(held.message).not.toMatch(/token-\d/);
  });
});

describe('WeChat access token', () => {
  it('is renewed shortly before it expires, not on every call', async () => {
    let clock = Date.now();
    const { fake, api } = await setup(() => clock);
    const first = await api.accessToken();
    clock += 60 * 60_000;
    expect(await api.accessToken()).toBe(first);
    clock += 57 * 60_000; // 117 minutes of the 120: inside the renewal margin
    const second = await api.accessToken();
    expect(second).not.toBe(first);
    expect(fake.tokensIssued).toBe(2);
  });

  it('is fetched once for calls made together', async () => {
    const { fake, api } = await setup();
    const tokens = await Promise.all([api.accessToken(), api.accessToken(), api.accessToken()]);
    expect(new Set(tokens).size).toBe(1);
    expect(fake.tokensIssued).toBe(1);
  });
});
