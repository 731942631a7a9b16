import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/bot/logger.js';
import { createWechatCallback } from '../../../src/bot/wechat/wechat-callback.js';
import { wechatSignature } from '../../../src/bot/wechat/wechat-crypto.js';
import { createApp } from '../../../src/bot/app.js';
import { startWechat } from '../../../src/bot/wechat/wechat-channel.js';
import { parseConfig } from '../../../src/config.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { AES_KEY, APP_ID, en, startFake, startTestWechat, talkingToStaff, TOKEN, WITH_STAFF, zh } from './wechat-fixture.js';

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

  it('starts a new follower in English when their WeChat account is set to English (channel language hint)', async () => {
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

describe('WeChat channel shutting down', () => {
  it('does not answer success for a message it can no longer take', async () => {
    const { fake, wechat, resident } = await startTestWechat();
    await wechat.close();
    const answer = await resident(ANA).text('你好');
    expect(answer.status).toBe(503);
    expect(answer.body).not.toBe('success');
    await new Promise((r) => setTimeout(r, 100));
    expect(fake.sent).toEqual([]);
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
    const t = await startTestWechat({ env: WITH_STAFF, wechat: { answerWithinMs: 150 } });
    const { fake, app } = t;
    const ana = await talkingToStaff(t, ANA);
    const before = fake.sentTo(ANA).length;
    const slowPhoto = ana.message('image', { MediaId: fake.addMedia(JPEG, 'image/jpeg', 600), PicUrl: 'http://mmbiz.example/1.jpg' });
    // WeChat tries three times; here all three arrive while the download is still going.
    const tries = await Promise.all([ana.post(slowPhoto), ana.post(slowPhoto), ana.post(slowPhoto)]);
    expect(tries.map((t) => t.body)).toEqual(['success', 'success', 'success']);
    expect(Math.min(...tries.map((t) => t.ms))).toBeLessThan(500); // the last try did not wait for the download
    await fake.waitUntil(() => fake.callsTo('/cgi-bin/media/get').length === 1);
    await new Promise((r) => setTimeout(r, 700));
    expect(fake.callsTo('/cgi-bin/media/get')).toHaveLength(1);
    expect(fake.sentTo(ANA).length).toBe(before); // relayed to staff; the bot itself says nothing while staff talk
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

describe('WeChat credentials at start', () => {
  it('says in the log which setting to fix when WeChat refuses the secret', async () => {
    const fake = await startFake();
    const lines: string[] = [];
    const logger = createLogger('info', new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }));
    const config = parseConfig({ FAYUAN_DATA_DIR: tempDir(), KB_INDEX_WORKER: 'off', WEB_CHAT: 'off', WECHAT_TOKEN: TOKEN, WECHAT_APP_ID: APP_ID, WECHAT_APP_SECRET: 'wrong-secret', WECHAT_API_ROOT: fake.url, PRIVACY_SENSITIVE_CONSENT: 'off' });
    const app = await createApp(config, logger);
    try {
      startWechat(app, config.wechat!);
      await fake.waitUntil(() => lines.some((l) => l.includes('WECHAT_APP_SECRET')));
      expect(lines.join('')).not.toContain('wrong-secret');
    } finally {
      await app.close();
    }
  });
});
