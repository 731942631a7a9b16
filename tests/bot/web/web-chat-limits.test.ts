import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp-dir.js';
import { newSession, startFixture, zh, type WebChatFixture } from './web-chat-fixture.js';
import { webMessages } from '../../../src/locales/web.js';

let fixture: WebChatFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

async function until(check: () => boolean, timeoutMs = 5000) {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('limits against abuse', () => {
  it('answers kindly, and does not run, messages beyond the per-page limit', async () => {
    fixture = await startFixture(tempDir(), {}, { limits: { messagesPerConnection: { limit: 3, windowMs: 60_000 } } });
    const { cookie } = await newSession(fixture.web.url);
    const socket = new WebSocket(fixture.web.url.replace('http', 'ws') + 'chat/socket', { headers: { Cookie: cookie } });
    const frames: Record<string, unknown>[] = [];
    socket.on('message', (data) => frames.push(JSON.parse(String(data)) as Record<string, unknown>));
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    socket.send(JSON.stringify({ type: 'hello', mid: 'hello-0001' }));
    for (let i = 0; i < 5; i++) socket.send(JSON.stringify({ type: 'message', mid: `msg-0000${i}`, text: '/help' }));
    await until(() => frames.filter((f) => f.type === 'ack' || f.type === 'failed').length === 5);
    expect(frames.filter((f) => f.type === 'ack')).toHaveLength(3);
    expect(frames.filter((f) => f.type === 'failed').map((f) => f.text)).toEqual([zh('privacy.limit.messages'), zh('privacy.limit.messages')]);
    socket.close();
  });

  it('stops issuing new conversations to one address beyond its limit, with a kind reply', async () => {
    fixture = await startFixture(tempDir(), {}, { limits: { newConversationsPerAddress: { limit: 2, windowMs: 60_000 } } });
    const statuses: number[] = [];
    let last: unknown;
    for (let i = 0; i < 3; i++) {
      const response = await fetch(new URL('/chat/session', fixture.web.url), { method: 'POST' });
      statuses.push(response.status);
      last = await response.json();
    }
    expect(statuses).toEqual([200, 200, 429]);
    expect(last).toMatchObject({ message: webMessages['web.limit.slow_down']['zh-CN'] });
  });

  it('takes the new-conversation limit from WEB_NEW_CONVERSATIONS_PER_ADDRESS_PER_HOUR (a shelter or a carrier sharing one address)', async () => {
    fixture = await startFixture(tempDir(), { WEB_NEW_CONVERSATIONS_PER_ADDRESS_PER_HOUR: '1' });
    const statuses: number[] = [];
    for (let i = 0; i < 2; i++) statuses.push((await fetch(new URL('/chat/session', fixture.web.url), { method: 'POST' })).status);
    expect(statuses).toEqual([200, 429]);
  });
});
