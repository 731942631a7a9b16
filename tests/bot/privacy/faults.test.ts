import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../../src/bot/app.js';
import { DeliveryError, type OutboundMessage } from '../../../src/bot/channel.js';
import { createLogger } from '../../../src/bot/logger.js';
import { OutboxDispatcher } from '../../../src/bot/outbox-dispatcher.js';
import { ConversationStore } from '../../../src/storage/conversation-store.js';
import { openStorage } from '../../../src/storage/open-storage.js';
import { runCli } from '../../helpers/cli-process.js';
import { databaseOf } from '../../../src/storage/open-repositories.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { resident, testApp } from '../../helpers/test-app.js';
import { startFixture, type WebChatFixture } from '../web/web-chat-fixture.js';

let fixture: WebChatFixture | undefined;
let app: App | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
  await app?.close();
  app = undefined;
});

describe('/healthz', () => {
  it('answers 503 with the reason when the database cannot take a write', async () => {
    fixture = await startFixture(tempDir());
    const url = new URL('/healthz', fixture.web.url);
    expect((await fetch(url)).status).toBe(200);
    // A trigger stands in for a full disk or a read-only file: every write to the probe fails.
    await databaseOf(fixture.app.repos)!.exec("CREATE TRIGGER refuse BEFORE UPDATE ON health_probe BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    const response = await fetch(url);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'unavailable', reason: 'the database cannot be written: SQLITE_CONSTRAINT: disk full' });
  });

  it('answers 503 when the attachments folder cannot be written', async () => {
    fixture = await startFixture(tempDir());
    fs.rmSync(fixture.app.config.attachmentsDir, { recursive: true });
    fs.writeFileSync(fixture.app.config.attachmentsDir, 'not a folder');
    const response = await fetch(new URL('/healthz', fixture.web.url));
    expect(response.status).toBe(503);
    expect(((await response.json()) as { reason: string }).reason).toMatch(/^the attachments folder cannot be written/);
  });
});

describe('start-up checks', () => {
  it('exits with one clear line and code 4 on a damaged database', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'fayuan.sqlite'), Buffer.alloc(8192, 7));
    const { code, stderr } = await runCli(['serve'], '', { FAYUAN_DATA_DIR: dir, PORT: '0', CONSOLE_CHAT: 'off' });
    expect(code).toBe(4);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^fayuan: the database .*fayuan\.sqlite cannot be opened .*Restore the data folder from a backup\./);
  });

  it('exits with one clear line and code 3 when the data folder cannot be written', async () => {
    const parent = tempDir();
    const file = path.join(parent, 'not-a-folder');
    fs.writeFileSync(file, '');
    const { code, stderr } = await runCli(['serve'], '', { FAYUAN_DATA_DIR: path.join(file, 'data'), PORT: '0', CONSOLE_CHAT: 'off' });
    expect(code).toBe(3);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('cannot write to the data folder');
  });

  it('keeps the data folder 0700 and the database 0600', async () => {
    const dir = tempDir();
    app = await testApp(dir);
    await app.runner.handle(resident('ana').returned());
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(app.config.attachmentsDir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(app.config.databaseFile).mode & 0o777).toBe(0o600);
  });
});

describe('the outbox', () => {
  const logger = createLogger('silent');

  async function storeWith(payloadAt: number) {
    const db = await openStorage(path.join(tempDir(), 'fayuan.sqlite'));
    const store = new ConversationStore(db);
    const [id] = await store.enqueueOutbound([{ conversationKey: 'web:x', channel: 'web', address: 'x', payload: { kind: 'text', text: 'hi', choices: [] } }], payloadAt);
    return { db, store, id: id! };
  }

  it('dead-letters a reply whose resident never came back, instead of retrying for ever', async () => {
    let now = Date.parse('2026-06-01T00:00:00Z');
    const { db, store, id } = await storeWith(now);
    const dispatcher = new OutboxDispatcher({ store, logger, now: () => now, expireAfterMs: 60_000 });
    let tries = 0;
    dispatcher.register('web', {
      send: async () => {
        tries++;
        throw new DeliveryError('page closed', { offline: true });
      },
    });
    now += 120_000;
    await dispatcher.resume();
    await dispatcher.whenDone([id]);
    expect(tries).toBe(1);
    expect(await store.pendingOutbox()).toEqual([]);
    expect(await db.get("SELECT status FROM outbox WHERE id = ?", [id])).toEqual({ status: 'failed' });
    await dispatcher.stop();
    await db.close();
  });

  // Session 4: a resident reopening the page waited for the 15 s offline retry before a staff notice arrived.
  it('sends a waiting reply as soon as the resident is back, not at the next offline retry', async () => {
    const { db, store, id } = await storeWith(Date.now());
    const dispatcher = new OutboxDispatcher({ store, logger });
    let online = false;
    const sent: number[] = [];
    dispatcher.register('web', {
      send: async (m) => {
        if (!online) throw new DeliveryError('page closed', { offline: true });
        sent.push(m.id);
      },
    });
    await dispatcher.resume();
    await new Promise((r) => setTimeout(r, 50));
    expect(sent).toEqual([]);
    online = true;
    const woken = Date.now();
    dispatcher.wake('web', 'x');
    await dispatcher.whenDone([id]);
    expect(sent).toEqual([id]);
    expect(Date.now() - woken).toBeLessThan(2000);
    // Waking an address with nothing waiting, or waking twice, sends nothing more.
    dispatcher.wake('web', 'x');
    dispatcher.wake('web', 'nobody');
    await new Promise((r) => setTimeout(r, 50));
    expect(sent).toEqual([id]);
    await dispatcher.stop();
    await db.close();
  });

  it('does not send a message again when its sent mark could not be written', async () => {
    const { db, store, id } = await storeWith(Date.now());
    const refuse = { on: true };
    const failing = Object.create(store) as ConversationStore;
    failing.markSent = async (ids, at) => {
      if (refuse.on) throw new Error('database is locked');
      return store.markSent(ids, at);
    };
    const dispatcher = new OutboxDispatcher({ store: failing, logger, markRetryMs: 50 });
    const sent: OutboundMessage[] = [];
    dispatcher.register('web', { send: async (m) => void sent.push(m) });
    await dispatcher.resume();
    await dispatcher.whenDone([id]);
    await new Promise((r) => setTimeout(r, 30));
    // The serve loop reads the outbox again every few seconds: the message is not sent a second time.
    for (let i = 0; i < 3; i++) await dispatcher.resume();
    await new Promise((r) => setTimeout(r, 30));
    expect(sent).toHaveLength(1);
    refuse.on = false;
    await new Promise((r) => setTimeout(r, 150));
    expect(await store.pendingOutbox()).toEqual([]);
    expect(sent).toHaveLength(1);
    await dispatcher.stop();
    await db.close();
  });
});
