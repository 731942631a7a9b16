import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { conversationKey } from '../../../src/bot/channel.js';
import { webMessages } from '../../../src/locales/web.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { PNG, startFixture, zh, type WebChatFixture } from './web-chat-fixture.js';

const RESIDENT = 'resident_0123456789abcdef';
let fixture: WebChatFixture | undefined;

async function start(env: Record<string, string> = {}) {
  fixture = await startFixture(tempDir(), env);
  return fixture;
}

/** Opens the resident's conversation as the page does, so the next event is answered (a new one only greets). */
async function opened(env: Record<string, string> = {}) {
  const started = await start(env);
  await started.app.runner.handle({ channel: 'web', userId: RESIDENT, address: RESIDENT, event: { type: 'user.returned' } });
  return started;
}

afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

function upload(url: string, body: Buffer, headers: Record<string, string>) {
  return fetch(new URL('/chat/upload', url), {
    method: 'POST',
    body,
    headers: { 'X-Fayuan-Resident': RESIDENT, 'X-Fayuan-Message': 'upload-0001', ...headers },
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
    expect(fs.readFileSync(path.join(app.config.attachmentsDir, files[0]!))).toEqual(PNG);
    const incoming = (await app.repos.conversations.recentTranscript(conversationKey('web', RESIDENT), 10)).filter((e) => e.direction === 'in').at(-1);
    expect(incoming!.body).toMatchObject({
      event: { type: 'user.attachment', attachment: { id: files[0], fileName: '我的 照片.png', mimeType: 'image/png', size: PNG.length } },
    });
    expect(await botTexts(RESIDENT)).toContain(zh('core.attachment.unexpected'));
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
    const { web, app } = await start();
    for (let i = 0; i < 2; i++) await upload(web.url, PNG, { 'Content-Type': 'image/png', 'X-File-Name': 'a.png' });
    expect(fs.readdirSync(app.config.attachmentsDir)).toHaveLength(1);
  });

  it('rejects an upload whose resident id is not 16–64 characters of A-Z, a-z, 0-9, _ and -', async () => {
    const { web, app } = await start();
    for (const bad of ['short', 'has spaces in it but long enough', 'x'.repeat(65)]) {
      const response = await upload(web.url, PNG, { 'Content-Type': 'image/png', 'X-Fayuan-Resident': bad });
      expect(response.status).toBe(400);
    }
    expect(await app.repos.conversations.load(conversationKey('web', 'short'))).toBeUndefined();
  });
});

describe('web chat socket', () => {
  function open(url: string, origin?: string) {
    const socket = new WebSocket(url.replace('http', 'ws') + 'chat/socket', origin ? { origin } : {});
    const frames: Record<string, unknown>[] = [];
    socket.on('message', (data) => {
      const frame = JSON.parse(String(data)) as Record<string, unknown>;
      frames.push(frame);
      // Confirm bot messages as the page does; the outbox waits for it.
      if (typeof frame.id === 'number') socket.send(JSON.stringify({ type: 'received', user: RESIDENT, mid: 'receipt-01', id: frame.id }));
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
    page.socket.send(JSON.stringify({ type: 'hello', user: RESIDENT, mid: 'hello-0001' }));
    await until(() => page.frames.some((f) => f.type === 'bot' && f.text === zh('core.privacy')));
    expect(page.frames[0]).toEqual({ type: 'history', entries: [] });
    expect(page.frames).toContainEqual({ type: 'locale', locale: 'zh-CN' });
    const privacy = page.frames.find((f) => f.text === zh('core.privacy'))!;
    expect(privacy.id).toEqual(expect.any(Number));
    expect(privacy.choices).toContainEqual({ id: 'consent.agree', label: zh('core.consent.agree') });
    page.socket.close();
  });

  it('ignores frames whose resident id is malformed', async () => {
    const { web, app } = await start();
    const page = open(web.url);
    await page.ready;
    for (const user of ['short', 'bad id with spaces!!', 'x'.repeat(65)]) {
      page.socket.send(JSON.stringify({ type: 'hello', user, mid: 'hello-0001' }));
    }
    page.socket.send('not json');
    await new Promise((r) => setTimeout(r, 300));
    expect(page.frames).toEqual([]);
    expect(await app.repos.conversations.load(conversationKey('web', 'short'))).toBeUndefined();
    page.socket.close();
  });

  it('refuses a socket opened by another site', async () => {
    const { web } = await start();
    const page = open(web.url, 'http://evil.example');
    await expect(page.ready).rejects.toThrow(/401/);
  });

  it('acknowledges a message once it is stored and drops it when the page sends it again', async () => {
    const { web, botTexts } = await start();
    const page = open(web.url);
    await page.ready;
    page.socket.send(JSON.stringify({ type: 'hello', user: RESIDENT, mid: 'hello-0001' }));
    const agree = JSON.stringify({ type: 'choice', user: RESIDENT, mid: 'agree-0001', id: 'consent.agree' });
    page.socket.send(agree);
    page.socket.send(agree);
    await until(() => page.frames.filter((f) => f.type === 'ack').length === 2);
    expect((await botTexts(RESIDENT)).filter((t) => t === zh('core.menu'))).toHaveLength(1);
    page.socket.close();
  });
});
