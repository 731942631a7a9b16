import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { conversationKey } from '../../../src/bot/channel.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { PNG, startFixture, type WebChatFixture } from './web-chat-fixture.js';

const RESIDENT = 'resident_0123456789abcdef';
const STRANGER = 'stranger_0123456789abcdef';
let fixture: WebChatFixture | undefined;

afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

describe('files staff send to a web resident', () => {
  it('downloads for that resident only', async () => {
    fixture = await startFixture(tempDir(), {});
    const { app } = fixture;
    const attachmentId = 'f'.repeat(32);
    fs.mkdirSync(app.config.attachmentsDir, { recursive: true });
    fs.writeFileSync(path.join(app.config.attachmentsDir, attachmentId), PNG);
    const [id] = await app.repos.outbox.enqueueOutbound(
      [
        {
          conversationKey: conversationKey('web', RESIDENT),
          channel: 'web',
          address: RESIDENT,
          payload: { kind: 'file', attachmentId, fileName: '补充材料清单.png', mimeType: 'image/png' },
        },
      ],
      Date.now(),
    );
    const own = await fetch(new URL(`/chat/files/${id}?resident=${RESIDENT}`, fixture.web.url));
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await own.arrayBuffer()).equals(PNG)).toBe(true);

    const other = await fetch(new URL(`/chat/files/${id}?resident=${STRANGER}`, fixture.web.url));
    expect(other.status).toBe(404);
    const none = await fetch(new URL(`/chat/files/${id}`, fixture.web.url));
    expect(none.status).toBe(404);
  });
});
