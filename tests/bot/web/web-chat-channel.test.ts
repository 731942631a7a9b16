import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../../src/bot/app.js';
import { DeliveryError, type OutboundMessage } from '../../../src/bot/channel.js';
import { ResidentSockets, type Connection, type SocketLike } from '../../../src/bot/web/resident-sockets.js';
import { WebChatChannel } from '../../../src/bot/web/web-chat-channel.js';
import { testApp } from '../../helpers/test-app.js';
import { tempDir } from '../../helpers/temp-dir.js';

const RESIDENT = 'resident_0123456789abcdef';
const message: OutboundMessage = {
  id: 7,
  conversationKey: `web:${RESIDENT}`,
  channel: 'web',
  address: RESIDENT,
  payload: { kind: 'text', text: 'Your case has a lawyer now.', choices: [] },
  attempts: 0,
};

/** A page's socket that confirms every bot message, as the page does (unless `confirms` is false). */
class FakeSocket implements SocketLike {
  readyState = 1;
  readonly sent: { type: string; id?: number }[] = [];
  page: Connection | undefined;
  constructor(private readonly confirms = true) {}
  send(data: string, callback: (error?: Error) => void) {
    const frame = JSON.parse(data) as { type: string; id?: number };
    this.sent.push(frame);
    callback();
    if (this.confirms && frame.id !== undefined) setImmediate(() => this.page?.received(frame.id!));
  }
  close() {
    this.readyState = 3;
  }
  terminate() {
    this.readyState = 3;
  }
  ping() {}
}

let app: App | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('WebChatChannel.send', () => {
  it('throws a DeliveryError, so the outbox retries, while the resident has no page open', async () => {
    app = await testApp(tempDir());
    const channel = new WebChatChannel(app, new ResidentSockets(), { offlineWaitMs: 20 });
    await expect(channel.send(message)).rejects.toBeInstanceOf(DeliveryError);
  });

  it('waits briefly for a page that is coming back, then writes the reply with its outbox id', async () => {
    app = await testApp(tempDir());
    const sockets = new ResidentSockets();
    const channel = new WebChatChannel(app, sockets, { offlineWaitMs: 2000 });
    const sending = channel.send(message);
    const socket = new FakeSocket();
    const page = sockets.add(socket);
    socket.page = page;
    sockets.bind(page, RESIDENT);
    sockets.markReady(page);
    await sending;
    expect(socket.sent).toEqual([{ type: 'bot', id: 7, text: 'Your case has a lawyer now.', choices: [] }]);
  });

  it('writes to every open page of the resident, and not to a page that is still loading its history', async () => {
    app = await testApp(tempDir());
    const sockets = new ResidentSockets();
    const channel = new WebChatChannel(app, sockets, { offlineWaitMs: 20 });
    const [a, b, loading] = [new FakeSocket(), new FakeSocket(), new FakeSocket()];
    for (const socket of [a, b, loading]) {
      const page = sockets.add(socket);
      socket.page = page;
      sockets.bind(page, RESIDENT);
      if (socket !== loading) sockets.markReady(page);
    }
    await channel.send(message);
    expect(a.sent).toHaveLength(1);
    expect(b.sent).toHaveLength(1);
    expect(loading.sent).toEqual([]);
  });

  it('counts a reply the page never confirmed as not delivered (the browser closed it mid-write)', async () => {
    app = await testApp(tempDir());
    const sockets = new ResidentSockets();
    const channel = new WebChatChannel(app, sockets, { offlineWaitMs: 20, receiptTimeoutMs: 5000 });
    const socket = new FakeSocket(false);
    const page = sockets.add(socket);
    sockets.bind(page, RESIDENT);
    sockets.markReady(page);
    const sending = channel.send(message);
    await new Promise((r) => setTimeout(r, 20));
    sockets.remove(page);
    await expect(sending).rejects.toBeInstanceOf(DeliveryError);
    expect(socket.sent).toHaveLength(1);
  });

  it('gives up waiting at once when the web chat closes', async () => {
    app = await testApp(tempDir());
    const channel = new WebChatChannel(app, new ResidentSockets(), { offlineWaitMs: 60_000 });
    const sending = channel.send(message);
    channel.close();
    await expect(sending).rejects.toBeInstanceOf(DeliveryError);
  });
});
