import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/bot/logger.js';
import { createWechatCallback } from '../../../src/bot/wechat/wechat-callback.js';
import { wechatSignature } from '../../../src/bot/wechat/wechat-crypto.js';
import { AES_KEY, en, startTestWechat, TOKEN, zh } from './wechat-fixture.js';

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)]);

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
    const { fake, resident, callbackUrl } = await startTestWechat();
    const ana = resident(ANA);
    expect((await ana.post(ana.message('text', { Content: '你好' }), { signature: 'f'.repeat(40) })).status).toBe(401);
    expect((await ana.post(ana.message('text', { Content: '你好' }), { timestamp: Math.floor(Date.now() / 1000) - 3600 })).status).toBe(401);
    const unsigned = await fetch(callbackUrl, { method: 'POST', body: '<xml><Content>hi</Content></xml>' });
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

  // Contract 2: the channel passes `locale`; the runner's side (conv helper) is not merged yet. Unskip once it is.
  it.skip('starts a new follower in English when their WeChat account is set to English (channel language hint)', async () => {
    const { fake, resident } = await startTestWechat();
    fake.setLanguage(ANA, 'en');
    await resident(ANA).post(resident(ANA).event('subscribe'));
    const sent = await fake.waitForSent(ANA, 2);
    expect(sent.map((m) => m.text)).toEqual([en('core.greeting'), en('core.privacy')]);
    expect(fake.callsTo('/cgi-bin/user/info')).toHaveLength(1);
  });

  it('asks WeChat for the language only when the conversation is new', async () => {
    const { fake, resident } = await startTestWechat();
    const ana = resident(ANA);
    await ana.text('你好');
    await ana.text('同意');
    await fake.waitForSent(ANA, 3);
    expect(fake.callsTo('/cgi-bin/user/info')).toHaveLength(1);
  });
});

describe('WeChat safe mode (安全模式)', () => {
  it('decrypts encrypted posts, answers through the customer-service API, and refuses a bad msg_signature', async () => {
    const { fake, resident, callbackUrl } = await startTestWechat({ env: { WECHAT_ENCODING_AES_KEY: AES_KEY } });
    const ana = resident(ANA);
    expect(await ana.text('你好')).toMatchObject({ status: 200, body: 'success' });
    const sent = await fake.waitForSent(ANA, 2);
    expect(sent.map((m) => m.text)).toEqual([zh('core.greeting'), zh('core.privacy')]);

    const forged = await ana.post(ana.message('text', { Content: '同意' }), { msgSignature: '0'.repeat(40) });
    expect(forged.status).toBe(401);
    // A plain (unencrypted) post is refused too, even with a good signature.
    const plain = fake.resident(ANA, callbackUrl, TOKEN);
    expect((await plain.text('同意')).status).toBe(401);
    await new Promise((r) => setTimeout(r, 100));
    expect(fake.sentTo(ANA)).toHaveLength(2);
  });
});

describe('the five-second rule', () => {
  it('joins WeChat retries of a slow message to the one in progress and answers the last try in time', async () => {
    const { fake, app, resident } = await startTestWechat({ wechat: { answerWithinMs: 150 } });
    const ana = resident(ANA);
    await ana.text('你好');
    await fake.waitForSent(ANA, 2);
    const slowPhoto = ana.message('image', { MediaId: fake.addMedia(JPEG, 'image/jpeg', 600), PicUrl: 'http://mmbiz.example/1.jpg' });
    // WeChat tries three times; here all three arrive while the download is still going.
    const tries = await Promise.all([ana.post(slowPhoto), ana.post(slowPhoto), ana.post(slowPhoto)]);
    expect(tries.map((t) => t.body)).toEqual(['success', 'success', 'success']);
    expect(Math.min(...tries.map((t) => t.ms))).toBeLessThan(500); // the last try did not wait for the download
    await fake.waitUntil(() => fake.sentTo(ANA).length >= 3);
    expect(fake.callsTo('/cgi-bin/media/get')).toHaveLength(1);
    const transcript = await app.repos.conversations.recentTranscript(`wechat:${ANA}`, 20);
    expect(transcript.filter((e) => (e.body as { event?: { type?: string } }).event?.type === 'user.attachment')).toHaveLength(1);
  });
});

describe('refusals in the log', () => {
  it('name the reason and nothing the post carried', async () => {
    const lines: string[] = [];
    const logger = createLogger('info', new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }));
    let received = 0;
    const server = http.createServer(
      createWechatCallback({ token: TOKEN, logger, receive: async () => void received++, dedupKey: (f) => f.MsgId }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const body = '<xml><FromUserName>o-secret-openid</FromUserName><Content>我被家暴了</Content><MsgId>1</MsgId></xml>';
    const response = await fetch(`http://127.0.0.1:${port}/wechat?signature=${'0'.repeat(40)}&timestamp=1&nonce=2`, { method: 'POST', body });
    server.close();
    expect(response.status).toBe(401);
    expect(received).toBe(0);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('bad or missing signature');
    expect(lines[0]).not.toMatch(/家暴|o-secret-openid/);
  });
});
