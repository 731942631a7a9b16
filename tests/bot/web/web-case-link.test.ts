import path from 'node:path';
import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import type { InboundMessage } from '../../../src/bot/channel.js';
import { readSmsOutbox } from '../../../src/bot/sms/outbox-file-sms-sender.js';
import { notifyResident } from '../../../src/staff/case-notifications.js';
import { WAGES_APPLICATION } from '../../fixtures/wages-application.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { newSession, startFixture, zh, type WebChatFixture } from './web-chat-fixture.js';

let fixture: WebChatFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

/** A page's socket with the session cookie: records frames and confirms bot messages as chat.js does. */
function open(url: string, cookie: string) {
  const socket = new WebSocket(url.replace('http', 'ws') + 'chat/socket', { headers: { Cookie: cookie } });
  const frames: Record<string, unknown>[] = [];
  socket.on('message', (data) => {
    const frame = JSON.parse(String(data)) as Record<string, unknown>;
    frames.push(frame);
    if (typeof frame.id === 'number') socket.send(JSON.stringify({ type: 'received', mid: `rcpt-${frame.id}-000`, id: frame.id }));
  });
  return { socket, frames, ready: new Promise<void>((resolve, reject) => socket.once('open', () => resolve()).once('error', reject)) };
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 8000) {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const botTexts = (frames: Record<string, unknown>[]) => frames.filter((f) => f.type === 'bot').map((f) => f.text as string);

describe('web chat: a case reached from a second browser', () => {
  it('links with the texted code and delivers the next notice to the new browser', async () => {
    const dir = tempDir();
    const outbox = path.join(tempDir(), 'sms.jsonl');
    fixture = await startFixture(dir, { SMS_OUTBOX_FILE: outbox });
    const { app, web } = fixture;

    // Device A: the application, made in one browser.
    const first = await newSession(web.url);
    let n = 0;
    let lastTexts = '';
    for (const text of WAGES_APPLICATION) {
      const message: InboundMessage = { channel: 'web', userId: first.resident, address: first.resident, messageId: `a-${++n}`, event: { type: 'user.text', text } };
      lastTexts = (await app.runner.handle(message)).replies.map((r) => r.text).join('\n');
    }
    const ref = /FY-\d{8}-\d{4}/.exec(lastTexts)![0];

    // Device B: another browser, another identity cookie.
    const second = await newSession(web.url);
    expect(second.resident).not.toBe(first.resident);
    const page = open(web.url, second.cookie);
    await page.ready;
    page.socket.send(JSON.stringify({ type: 'hello', mid: 'hello-0001' }));
    await until(() => botTexts(page.frames).includes(zh('core.privacy')));
    page.socket.send(JSON.stringify({ type: 'choice', mid: 'choice-0001', id: 'consent.agree' }));
    page.socket.send(JSON.stringify({ type: 'choice', mid: 'choice-0002', id: 'menu.status' }));
    await until(() => botTexts(page.frames).includes(zh('case.status.none', { hotline: '12348' })));

    page.socket.send(JSON.stringify({ type: 'message', mid: 'text-00001', text: ref }));
    await until(() => botTexts(page.frames).includes(zh('caselink.sent', { ref, hotline: '12348' })));
    await until(async () => (await readSmsOutbox(outbox)).length === 1);
    const code = /\d{6}/.exec((await readSmsOutbox(outbox))[0]!.text)![0];

    page.socket.send(JSON.stringify({ type: 'message', mid: 'text-00002', text: code }));
    await until(() => botTexts(page.frames).includes(zh('caselink.linked', { ref })));
    // Its status follows (frames arrive one by one).
    await until(() => botTexts(page.frames).some((t) => t.includes(ref) && t !== zh('caselink.linked', { ref }) && t !== zh('caselink.sent', { ref, hotline: '12348' })));

    // A staff action now reaches this browser.
    await app.services.cases.applyTransition(ref, { type: 'claim' }, { kind: 'staff', name: 'li' }, Date.now());
    const before = botTexts(page.frames).length;
    const moved = await app.services.cases.applyTransition(ref, { type: 'request_materials', documents: ['身份证'] }, { kind: 'staff', name: 'li' }, Date.now(), {
      outbound: notifyResident(app.services.pack),
    });
    if (!moved.ok) throw new Error(moved.reason);
    // As the staff service does (src/staff/case-actions.ts): the committed notice goes to the dispatcher.
    app.dispatcher.enqueue(moved.outbox.map((m) => ({ ...m, payload: m.payload as never, attempts: 0, createdAt: Date.now() })));
    await until(() => botTexts(page.frames).length > before && botTexts(page.frames).slice(before).some((t) => t.includes(ref)));
    page.socket.close();
  });
});
