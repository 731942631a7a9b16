import { readAttachment } from '../../../src/storage/attachment-files.js';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { conversationKey, type InboundMessage } from '../../../src/bot/channel.js';
import { webMessages } from '../../../src/locales/web.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { en, newSession, PNG, startFixture, toDocumentsStep, zh, type Session, type WebChatFixture } from './web-chat-fixture.js';

let fixture: WebChatFixture | undefined;
let session: Session;
let RESIDENT = '';

async function start(env: Record<string, string> = {}) {
  fixture = await startFixture(tempDir(), env);
  session = await newSession(fixture.web.url);
  RESIDENT = session.resident;
  return fixture;
}

/** A resident whose application asks for its documents now: the one time a file is taken. */
async function opened(env: Record<string, string> = {}) {
  const started = await start(env);
  for (const step of toDocumentsStep('web', RESIDENT)) await started.app.runner.handle(step);
  return started;
}

afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

function upload(url: string, body: Buffer, headers: Record<string, string>) {
  return fetch(new URL('/chat/upload', url), {
    method: 'POST',
    body: new Uint8Array(body),
    headers: { Cookie: session.cookie, 'X-Fayuan-Message': 'upload-0001', ...headers },
  });
}

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

describe('web chat server', () => {
  it('answers /healthz', async () => {
    const { web } = await start();
    const response = await fetch(new URL('/healthz', web.url));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok' });
  });

  it('listens on 127.0.0.1 only unless HOST says otherwise', async () => {
    const { web } = await start();
    expect(web.host).toBe('127.0.0.1');
    expect(web.url).toBe(`http://127.0.0.1:${web.port}/`);
    expect(web.port).toBeGreaterThan(0);
    const outside = Object.values(os.networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal);
    if (outside) expect(await canConnect(outside.address, web.port)).toBe(false);
  });

  it('listens on the address HOST names', async () => {
    const { web } = await start({ HOST: '127.0.0.2' });
    expect(web.host).toBe('127.0.0.2');
    expect(await canConnect('127.0.0.1', web.port)).toBe(false);
    expect((await fetch(new URL('/healthz', web.url))).status).toBe(200);
  });

  it('serves the page in Chinese with its own assets and no third-party ones', async () => {
    const { web } = await start();
    const response = await fetch(web.url);
    const html = await response.text();
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain(`<title>${webMessages['web.title']['zh-CN']}</title>`);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).not.toContain('{{');
    expect(await (await fetch(new URL('/chat/index.html', web.url))).text()).toBe(html);
    for (const asset of ['/chat/chat.js', '/chat/chat.css']) {
      expect((await fetch(new URL(asset, web.url))).status).toBe(200);
    }
  });

  it('serves every page text in both languages, with the upload limits', async () => {
    const { web } = await start({ ATTACHMENT_MAX_MB: '2' });
    const strings = (await (await fetch(new URL('/chat/strings.json', web.url))).json()) as {
      defaultLocale: string;
      locales: Record<string, Record<string, string>>;
      upload: { maxBytes: number; allowedTypes: string[] };
    };
    expect(strings.defaultLocale).toBe('zh-CN');
    expect(Object.keys(strings.locales['zh-CN']!).sort()).toEqual(Object.keys(webMessages).sort());
    expect(strings.locales.en!['web.send']).toBe('Send');
    expect(strings.upload).toEqual({ maxBytes: 2 * 1024 * 1024, allowedTypes: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] });
  });

  it('stores an accepted upload under a random id, never under the file name', async () => {
    const { web, app, botTexts } = await opened();
    const response = await upload(web.url, PNG, { 'Content-Type': 'image/png', 'X-File-Name': encodeURIComponent('我的 照片.png') });
    expect(response.status).toBe(201);
    const files = fs.readdirSync(app.config.attachmentsDir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^[0-9a-f]{32}$/);
    // Sealed on disk with the data key (docs/privacy.md), the same bytes when read back.
    expect(fs.readFileSync(path.join(app.config.attachmentsDir, files[0]!)).includes(PNG)).toBe(false);
    expect(await readAttachment(app.config.attachmentsDir, files[0]!)).toEqual(PNG);
    const incoming = (await app.repos.conversations.recentTranscript(conversationKey('web', RESIDENT), 10)).filter((e) => e.direction === 'in').at(-1);
    expect(incoming!.body).toMatchObject({
      event: { type: 'user.attachment', attachment: { id: files[0], fileName: '我的 照片.png', mimeType: 'image/png', size: PNG.length } },
    });
    expect(await botTexts(RESIDENT)).toContain(zh('intake.documents.received', { count: '1' }));
  });

  it('refuses a file type that is not allowed and answers kindly', async () => {
    const { web, app, botTexts } = await opened();
    const response = await upload(web.url, Buffer.from('hello'), { 'Content-Type': 'text/plain', 'X-File-Name': 'notes.txt' });
    expect(response.status).toBe(415);
    expect(fs.existsSync(app.config.attachmentsDir) ? fs.readdirSync(app.config.attachmentsDir) : []).toEqual([]);
    expect(await botTexts(RESIDENT)).toContain(zh('core.attachment.refused.type'));
  });

  it('refuses a file whose content is not what its type claims', async () => {
    const { web, app, botTexts } = await opened();
    const response = await upload(web.url, Buffer.from('not really a png'), { 'Content-Type': 'image/png', 'X-File-Name': 'x.png' });
    expect(response.status).toBe(415);
    expect(fs.readdirSync(app.config.attachmentsDir)).toEqual([]);
    expect(await botTexts(RESIDENT)).toContain(zh('core.attachment.refused.type'));
  });

  it('refuses a file over the size limit and answers kindly', async () => {
    const { web, app, botTexts } = await opened({ ATTACHMENT_MAX_MB: '1' });
    const big = Buffer.concat([PNG, Buffer.alloc(1024 * 1024)]);
    const response = await upload(web.url, big, { 'Content-Type': 'image/png', 'X-File-Name': 'big.png' });
    expect(response.status).toBe(413);
    expect(fs.existsSync(app.config.attachmentsDir) ? fs.readdirSync(app.config.attachmentsDir) : []).toEqual([]);
    expect(await botTexts(RESIDENT)).toContain(zh('core.attachment.refused.size'));
  });

  it('keeps one copy when the page sends the same upload twice', async () => {
    const { web, app } = await opened();
    for (let i = 0; i < 2; i++) await upload(web.url, PNG, { 'Content-Type': 'image/png', 'X-File-Name': 'a.png' });
    expect(fs.readdirSync(app.config.attachmentsDir)).toHaveLength(1);
  });

  it('writes nothing when the conversation is not waiting for a file, and says so kindly', async () => {
    const { web, app, botTexts } = await start();
    await app.runner.handle({ channel: 'web', userId: RESIDENT, address: RESIDENT, event: { type: 'user.returned' } });
    const response = await upload(web.url, PNG, { 'Content-Type': 'image/png', 'X-File-Name': 'before-consent.png' });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ reason: 'not_now', message: webMessages['web.upload.not_now']['zh-CN'] });
    expect(fs.existsSync(app.config.attachmentsDir) ? fs.readdirSync(app.config.attachmentsDir) : []).toEqual([]);
    expect((await botTexts(RESIDENT)).length).toBe(0);
  });

  it('takes a file after submission when staff asked for materials', async () => {
    const { web, app } = await opened();
    let n = 0;
    const base = { channel: 'web' as const, userId: RESIDENT, address: RESIDENT };
    const step = (event: InboundMessage['event']) => app.runner.handle({ ...base, messageId: `after-${++n}`, event });
    await step({ type: 'user.choice', id: 'intake.documents.done' });
    await step({ type: 'user.text', text: '张三' });
    await step({ type: 'user.text', text: '13800138000' });
    const receipt = await step({ type: 'user.choice', id: 'intake.confirm' });
    const ref = /FY-\d{8}-\d{4}/.exec(receipt.replies.map((r) => r.text).join('\n'))![0];
    const refused = await upload(web.url, PNG, { 'Content-Type': 'image/png', 'X-Fayuan-Message': 'upload-early' });
    expect(refused.status).toBe(409);
    const staff = { kind: 'staff' as const, name: '王芳' };
    await app.services.cases.applyTransition(ref, { type: 'claim' }, staff, Date.now());
    await app.services.cases.applyTransition(ref, { type: 'request_materials', documents: ['id_card'] }, staff, Date.now());
    const accepted = await upload(web.url, PNG, { 'Content-Type': 'image/png', 'X-Fayuan-Message': 'upload-later' });
    expect(accepted.status).toBe(201);
  });

  it('stops taking files at the per-resident quota', async () => {
    const { web, app } = await opened({ ATTACHMENT_QUOTA_PER_DAY: '2' });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await upload(web.url, PNG, { 'Content-Type': 'image/png', 'X-Fayuan-Message': `upload-000${i}` })).status);
    expect(statuses).toEqual([201, 201, 429]);
    expect(fs.readdirSync(app.config.attachmentsDir)).toHaveLength(2);
  });

  it('refuses an upload without an identity this server issued', async () => {
    const { web, app } = await opened();
    const forged = `fayuan_resident=${'a'.repeat(32)}.${'b'.repeat(43)}`;
    for (const cookie of ['', forged, `fayuan_resident=${RESIDENT}`]) {
      const response = await fetch(new URL('/chat/upload', web.url), {
        method: 'POST',
        body: PNG,
        headers: { 'Content-Type': 'image/png', 'X-Fayuan-Message': 'upload-0001', ...(cookie ? { Cookie: cookie } : {}) },
      });
      expect(response.status).toBe(403);
    }
    expect(fs.existsSync(app.config.attachmentsDir) ? fs.readdirSync(app.config.attachmentsDir) : []).toEqual([]);
  });
});

describe('web chat identity', () => {
  it('issues a random identity in an HttpOnly, SameSite=Strict cookie, and keeps a valid one', async () => {
    const { web } = await start();
    expect(session.setCookie).toMatch(/^fayuan_resident=[A-Za-z0-9_-]{32}\.[A-Za-z0-9_-]{43}; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Strict$/);
    const other = await newSession(web.url);
    expect(other.resident).not.toBe(RESIDENT);
    const again = await fetch(new URL('/chat/session', web.url), { method: 'POST', headers: { Cookie: session.cookie } });
    expect(await again.json()).toEqual({ returning: true });
    expect(again.headers.get('set-cookie')).toBeNull();
  });

  it('marks the cookie Secure when the page was reached over HTTPS', async () => {
    const { web } = await start();
    const response = await fetch(new URL('/chat/session', web.url), { method: 'POST', headers: { 'X-Forwarded-Proto': 'https' } });
    expect(response.headers.get('set-cookie')).toContain('; Secure');
  });

  it('replaces an identity the browser made up with one the server issued', async () => {
    const { web } = await start();
    const response = await fetch(new URL('/chat/session', web.url), { method: 'POST', headers: { Cookie: 'fayuan_resident=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.x' } });
    expect(await response.json()).toEqual({ returning: false });
    expect(response.headers.get('set-cookie')).not.toContain('aaaaaaaaaaaaaaaa');
  });

  it('removes the identity from the device on "clear this device"', async () => {
    const { web } = await start();
    const response = await fetch(new URL('/chat/session/clear', web.url), { method: 'POST', headers: { Cookie: session.cookie } });
    expect(response.headers.get('set-cookie')).toMatch(/^fayuan_resident=; Path=\/; Max-Age=0; HttpOnly; SameSite=Strict/);
    expect(response.headers.get('clear-site-data')).toContain('storage');
  });

  it('refuses to issue or clear an identity for another site', async () => {
    const { web } = await start();
    for (const route of ['/chat/session', '/chat/session/clear']) {
      const response = await fetch(new URL(route, web.url), { method: 'POST', headers: { Origin: 'http://evil.example' } });
      expect(response.status).toBe(403);
    }
  });

  it('keeps the signing key in the data folder, readable by the bot alone', async () => {
    const { app } = await start();
    expect(fs.statSync(path.join(app.config.dataDir, 'web-identity.key')).mode & 0o777).toBe(0o600);
  });
});

describe('web chat socket', () => {
  function open(url: string, options: { origin?: string; cookie?: string | null } = {}) {
    const cookie = options.cookie === undefined ? session.cookie : options.cookie;
    const socket = new WebSocket(url.replace('http', 'ws') + 'chat/socket', {
      ...(options.origin ? { origin: options.origin } : {}),
      headers: cookie ? { Cookie: cookie } : {},
    });
    const frames: Record<string, unknown>[] = [];
    socket.on('message', (data) => {
      const frame = JSON.parse(String(data)) as Record<string, unknown>;
      frames.push(frame);
      // Confirm bot messages as the page does; the outbox waits for it.
      if (typeof frame.id === 'number') socket.send(JSON.stringify({ type: 'received', mid: 'receipt-01', id: frame.id }));
    });
    return { socket, frames, ready: new Promise<void>((resolve, reject) => socket.once('open', () => resolve()).once('error', reject)) };
  }

  async function until(check: () => boolean, timeoutMs = 5000) {
    const started = Date.now();
    while (!check()) {
      if (Date.now() - started > timeoutMs) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  it('greets a new resident with history, their language and the opening replies', async () => {
    const { web } = await start();
    const page = open(web.url);
    await page.ready;
    page.socket.send(JSON.stringify({ type: 'hello', mid: 'hello-0001' }));
    await until(() => page.frames.some((f) => f.type === 'bot' && f.text === zh('core.privacy')));
    expect(page.frames[0]).toEqual({ type: 'history', entries: [] });
    await until(() => page.frames.some((f) => f.type === 'locale'));
    expect(page.frames).toContainEqual({ type: 'locale', locale: 'zh-CN' });
    const privacy = page.frames.find((f) => f.text === zh('core.privacy'))!;
    expect(privacy.id).toEqual(expect.any(Number));
    expect(privacy.choices).toContainEqual({ id: 'consent.agree', label: zh('core.consent.agree') });
    page.socket.close();
  });

  it("starts a new conversation in the browser's language", async () => {
    const { web, botTexts } = await start();
    const page = open(web.url);
    await page.ready;
    page.socket.send(JSON.stringify({ type: 'hello', mid: 'hello-0001', locale: 'en-GB' }));
    await until(() => page.frames.some((f) => f.type === 'bot' && f.text === en('core.privacy')));
    expect(page.frames).toContainEqual({ type: 'locale', locale: 'en' });
    // Outbox rows of a resident who has not agreed are not a transcript: nothing is kept.
    expect(await botTexts(RESIDENT)).toEqual([]);
    page.socket.close();
  });

  it('refuses a socket without an identity the server issued', async () => {
    const { web } = await start();
    for (const cookie of [null, `fayuan_resident=${'a'.repeat(32)}.${'b'.repeat(43)}`, `fayuan_resident=${RESIDENT}`]) {
      const page = open(web.url, { cookie });
      await expect(page.ready).rejects.toThrow(/401/);
    }
  });

  it('never lets a frame speak for another resident', async () => {
    const { web, app } = await start();
    const victim = (await newSession(web.url)).resident;
    const page = open(web.url);
    await page.ready;
    page.socket.send(JSON.stringify({ type: 'hello', user: victim, mid: 'hello-0001' }));
    await until(() => page.frames.some((f) => f.type === 'bot'));
    expect(await app.repos.conversations.load(conversationKey('web', victim))).toBeUndefined();
    expect(await app.repos.conversations.load(conversationKey('web', RESIDENT))).toBeDefined();
    page.socket.close();
  });

  it('refuses a socket opened by another site', async () => {
    const { web } = await start();
    const page = open(web.url, { origin: 'http://evil.example' });
    await expect(page.ready).rejects.toThrow(/401/);
  });

  it('tells the page kindly when a message is longer than the one limit', async () => {
    const { web } = await start();
    const page = open(web.url);
    await page.ready;
    page.socket.send(JSON.stringify({ type: 'hello', mid: 'hello-0001' }));
    page.socket.send(JSON.stringify({ type: 'message', mid: 'long-00001', text: '字'.repeat(2001) }));
    await until(() => page.frames.some((f) => f.type === 'failed'));
    expect(page.frames.find((f) => f.type === 'failed')).toEqual({ type: 'failed', mid: 'long-00001', text: zh('web.message.too_long', { max: '2000' }) });
    page.socket.close();
  });

  it('acknowledges a message once it is stored and drops it when the page sends it again', async () => {
    const { web, botTexts } = await start();
    const page = open(web.url);
    await page.ready;
    page.socket.send(JSON.stringify({ type: 'hello', mid: 'hello-0001' }));
    const agree = JSON.stringify({ type: 'choice', mid: 'agree-0001', id: 'consent.agree' });
    page.socket.send(agree);
    page.socket.send(agree);
    await until(() => page.frames.filter((f) => f.type === 'ack').length === 2);
    expect((await botTexts(RESIDENT)).filter((t) => t === zh('core.menu'))).toHaveLength(1);
    page.socket.close();
  });

  // A reply the page confirmed is sent; writing that down can lag behind (a busy disk: the sent marks wait for the
  // next commit). A page reloaded meanwhile hid such replies from its history as if they were still to come live,
  // and they never came: the resident's receipt vanished from the reloaded page (the case-number browser test hung).
  it('shows a reloaded page every reply already delivered, while its sent mark is still being written', async () => {
    const { app, web, botTexts } = await start();
    for (const step of toDocumentsStep('web', RESIDENT)) await app.runner.handle(step);
    const outbox = app.repos.outbox as { markSent: (ids: number[], at: number) => Promise<void> };
    const write = outbox.markSent.bind(outbox);
    let release!: () => void;
    const slowDisk = new Promise<void>((resolve) => (release = resolve));
    outbox.markSent = async (ids, at) => {
      await slowDisk;
      return write(ids, at);
    };
    try {
      const last = (await botTexts(RESIDENT)).at(-1)!;
      const first = open(web.url);
      await first.ready;
      first.socket.send(JSON.stringify({ type: 'hello', mid: 'hello-0001' }));
      await until(() => first.frames.some((f) => f.type === 'bot' && f.text === last));
      first.socket.close();
      const second = open(web.url);
      await second.ready;
      second.socket.send(JSON.stringify({ type: 'welcome_back', mid: 'hello-0002' }));
      await until(() => second.frames.some((f) => f.type === 'history'));
      await new Promise((r) => setTimeout(r, 300));
      const history = second.frames.find((f) => f.type === 'history') as { entries: { from: string; text: string }[] };
      const live = second.frames.filter((f) => f.type === 'bot').map((f) => f.text);
      const shown = [...history.entries.filter((e) => e.from === 'bot').map((e) => e.text), ...live];
      expect(shown.filter((t) => t === last), 'the last reply, once').toHaveLength(1);
      second.socket.close();
    } finally {
      release();
    }
  });
});
