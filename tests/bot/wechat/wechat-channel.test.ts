import { describe, expect, it } from 'vitest';
import { wechatSignature } from '../../../src/bot/wechat/wechat-crypto.js';
import { en, startTestWechat, TOKEN, zh } from './wechat-fixture.js';

const ANA = 'o-ana-openid';

function handshakeUrl(callbackUrl: string, token: string, timestamp = Math.floor(Date.now() / 1000)): string {
  const nonce = '8371';
  const query = new URLSearchParams({ signature: wechatSignature(token, String(timestamp), nonce), timestamp: String(timestamp), nonce, echostr: 'echo-5839201' });
  return `${callbackUrl}?${query}`;
}

describe('WeChat callback', () => {
  it('answers the server-URL handshake on the web chat server and refuses a wrong token', async () => {
    const { callbackUrl } = await startTestWechat({ web: true });
    const ok = await fetch(handshakeUrl(callbackUrl, TOKEN));
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('echo-5839201');
    const wrong = await fetch(handshakeUrl(callbackUrl, 'someOtherToken'));
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toBe('');
    // The web chat still works beside it.
    expect((await fetch(new URL('/healthz', callbackUrl))).status).toBe(200);
  });

  it('refuses unsigned, badly signed and stale posts with 401 and processes none of them', async () => {
    const { fake, resident } = await startTestWechat();
    const ana = resident(ANA);
    expect((await ana.post(ana.message('text', { Content: '你好' }), { signature: 'f'.repeat(40) })).status).toBe(401);
    expect((await ana.post(ana.message('text', { Content: '你好' }), { timestamp: Math.floor(Date.now() / 1000) - 3600 })).status).toBe(401);
    const unsigned = await fetch(`${(ana as unknown as { callbackUrl: string }).callbackUrl}`, { method: 'POST', body: '<xml><Content>hi</Content></xml>' });
    expect(unsigned.status).toBe(401);
    await new Promise((r) => setTimeout(r, 100));
    expect(fake.sent).toEqual([]);
  });

  it('greets a new follower and offers the privacy choices as a tappable menu message', async () => {
    const { fake, resident } = await startTestWechat();
    const ana = resident(ANA);
    const answer = await ana.post(ana.event('subscribe'));
    expect(answer).toMatchObject({ status: 200, body: 'success' });
    expect(answer.ms).toBeLessThan(4000);
    const sent = await fake.waitForSent(ANA, 2);
    expect(sent[0]).toMatchObject({ msgtype: 'text', text: zh('core.greeting') });
    expect(sent[1]).toMatchObject({ msgtype: 'msgmenu', text: zh('core.privacy') });
    expect(sent[1]!.options).toContainEqual({ id: 'consent.agree', content: zh('core.consent.agree') });

    await ana.tap(sent[1]!.options!.find((o) => o.id === 'consent.agree')!);
    const menu = (await fake.waitForSent(ANA, 3))[2]!;
    expect(menu).toMatchObject({ msgtype: 'msgmenu', text: zh('core.menu') });
    expect(menu.options).toContainEqual({ id: 'menu.apply', content: zh('core.menu.apply') });
  });

  it('starts a new resident in English when their WeChat account is set to English', async () => {
    const { fake, resident } = await startTestWechat();
    fake.setLanguage(ANA, 'en');
    await resident(ANA).text('hello');
    const sent = await fake.waitForSent(ANA, 2);
    expect(sent.map((m) => m.text)).toEqual([en('core.greeting'), en('core.privacy')]);
  });
});
