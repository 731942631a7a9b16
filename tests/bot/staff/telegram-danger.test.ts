import { describe, expect, it } from 'vitest';
import { STAFF_ADDRESS, STAFF_CHANNEL } from '../../../src/bot/channel.js';
import { STAFF_CHAT, startStaffBot } from './staff-telegram-fixture.js';

describe('danger alerts in the Telegram staff group (contract 3)', () => {
  it('posts one line naming the danger and the resident tag when a conversation relays a danger alert', async () => {
    const { fake, app } = await startStaffBot();
    const key = 'telegram:1001';
    // What the conversation writes when it recognises danger while a person holds or is awaited.
    const relay = { kind: 'danger', danger: 'domestic_violence' } as unknown as { kind: 'message'; text: string };
    await app.repos.outbox.enqueueOutbound([{ conversationKey: key, channel: STAFF_CHANNEL, address: STAFF_ADDRESS, payload: { kind: 'staff', conversationKey: key, locale: 'zh-CN', relay } }], Date.now());
    await app.dispatcher.resume();
    await fake.waitForSent(STAFF_CHAT, 1);
    const line = fake.texts(STAFF_CHAT).at(-1)!;
    expect(line).toContain('危险提示');
    expect(line).toContain('家庭暴力');
    expect(line).toMatch(/#\w+/);
  });
});
