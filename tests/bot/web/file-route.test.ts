import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { conversationKey } from '../../../src/bot/channel.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { newSession, PNG, startFixture, type WebChatFixture } from './web-chat-fixture.js';

let fixture: WebChatFixture | undefined;

afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

describe('files staff send to a web resident', () => {
  it('downloads for the holder of that resident identity only, with nothing in the link naming them', async () => {
    fixture = await startFixture(tempDir(), {});
    const { app } = fixture;
    const owner = await newSession(fixture.web.url);
    const stranger = await newSession(fixture.web.url);
    const attachmentId = 'f'.repeat(32);
    fs.mkdirSync(app.config.attachmentsDir, { recursive: true });
    fs.writeFileSync(path.join(app.config.attachmentsDir, attachmentId), PNG);
    const [id] = await app.repos.outbox.enqueueOutbound(
      [
        {
          conversationKey: conversationKey('web', owner.resident),
          channel: 'web',
          address: owner.resident,
          payload: { kind: 'file', attachmentId, fileName: '补充材料清单.png', mimeType: 'image/png' },
        },
      ],
      Date.now(),
    );
    const link = new URL(`/chat/files/${id}`, fixture.web.url);
    const own = await fetch(link, { headers: { Cookie: owner.cookie } });
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toBe('image/png');
    expect(own.headers.get('cache-control')).toBe('private, no-store');
    expect(Buffer.from(await own.arrayBuffer()).equals(PNG)).toBe(true);

    expect((await fetch(link, { headers: { Cookie: stranger.cookie } })).status).toBe(404);
    expect((await fetch(link)).status).toBe(404);
    // The old way of naming the resident in the address opens nothing.
    expect((await fetch(new URL(`/chat/files/${id}?resident=${owner.resident}`, fixture.web.url))).status).toBe(404);
  });
});
