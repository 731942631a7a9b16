import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Telegraf, TelegramError } from 'telegraf';
import type { OutboundMessage, OutboundPayload } from '../../../src/bot/channel.js';
import { TelegramSender, inlineKeyboard, splitText, toDeliveryError } from '../../../src/bot/telegram/telegram-sender.js';
import { FakeTelegramApi } from '../../helpers/fake-telegram-api.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { TOKEN } from './telegram-fixture.js';

const CHAT = 4001;
let running: FakeTelegramApi | undefined;

afterEach(async () => {
  await running?.close();
  running = undefined;
});

/** A sender using real telegraf against the fake API, and its attachments folder. */
async function startSender() {
  const fake = await FakeTelegramApi.start(TOKEN);
  running = fake;
  const dir = tempDir();
  const bot = new Telegraf(TOKEN, { telegram: { apiRoot: `${fake.url}/`, webhookReply: false } });
  return { fake, dir, sender: new TelegramSender(bot.telegram, dir) };
}

function outbound(payload: OutboundPayload): OutboundMessage {
  return { id: 1, conversationKey: `telegram:${CHAT}`, channel: 'telegram', address: String(CHAT), payload, attempts: 0 };
}

describe('TelegramSender', () => {
  it('sends a stored PDF as a document with its name and caption', async () => {
    const { fake, dir, sender } = await startSender();
    fs.writeFileSync(path.join(dir, 'a1b2'), '%PDF-1.7 test');
    await sender.send(outbound({ kind: 'file', attachmentId: 'a1b2', fileName: '申请表.pdf', mimeType: 'application/pdf', caption: '申请表' }));
    const [sent] = fake.sent(CHAT);
    expect(sent).toMatchObject({ method: 'sendDocument', fileName: '申请表.pdf', caption: '申请表' });
    expect(sent!.content?.toString()).toBe('%PDF-1.7 test');
  });

  it('sends a stored JPEG as a photo', async () => {
    const { fake, dir, sender } = await startSender();
    fs.writeFileSync(path.join(dir, 'c3d4'), Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
    await sender.send(outbound({ kind: 'file', attachmentId: 'c3d4', fileName: 'photo.jpg', mimeType: 'image/jpeg' }));
    expect(fake.sent(CHAT)[0]).toMatchObject({ method: 'sendPhoto', fileName: 'photo.jpg' });
  });

  it('gives up at once on a stored file that is missing', async () => {
    const { sender } = await startSender();
    const sending = sender.send(outbound({ kind: 'file', attachmentId: 'gone', fileName: 'x.pdf', mimeType: 'application/pdf' }));
    await expect(sending).rejects.toMatchObject({ name: 'DeliveryError', options: { permanent: true } });
  });

  it('refuses an attachment id that would leave the attachments folder', async () => {
    const { sender } = await startSender();
    const sending = sender.send(outbound({ kind: 'file', attachmentId: '../fayuan.sqlite', fileName: 'x', mimeType: 'application/pdf' }));
    await expect(sending).rejects.toMatchObject({ options: { permanent: true } });
  });

  it('gives up on a resident who blocked the bot', async () => {
    const { fake, sender } = await startSender();
    fake.block(CHAT);
    await expect(sender.send(outbound({ kind: 'text', text: '您好', choices: [] }))).rejects.toMatchObject({ options: { permanent: true } });
  });

  it('splits a text too long for one message and puts the buttons under the last part', async () => {
    const { fake, sender } = await startSender();
    const text = `${'甲'.repeat(3000)}\n\n${'乙'.repeat(3000)}`;
    await sender.send(outbound({ kind: 'text', text, choices: [{ id: 'menu.back', label: '返回主菜单' }] }));
    const sent = fake.sent(CHAT);
    expect(sent.map((m) => m.text)).toEqual(['甲'.repeat(3000), '乙'.repeat(3000)]);
    expect(sent.map((m) => m.buttons)).toEqual([undefined, [{ text: '返回主菜单', data: 'menu.back' }]]);
  });
});

describe('a long message retried after a failure', () => {
  it('goes on from the part that failed, without repeating the parts already delivered', async () => {
    const { fake, sender } = await startSender();
    const text = ['甲', '乙', '丙'].map((c) => c.repeat(3000)).join('\n\n');
    const message = outbound({ kind: 'text', text, choices: [{ id: 'menu.back', label: '返回主菜单' }] });
    fake.passNext('sendMessage');
    fake.failNext('sendMessage', { code: 500 });
    await expect(sender.send(message)).rejects.toBeInstanceOf(Error);
    await sender.send({ ...message, attempts: 1 });
    expect(fake.sent(CHAT).map((m) => m.text?.[0])).toEqual(['甲', '乙', '丙']);
    expect(fake.sent(CHAT).at(-1)!.buttons).toEqual([{ text: '返回主菜单', data: 'menu.back' }]);
  });
});

describe('Telegram rendering and errors', () => {
  it('cuts a text without line breaks at the limit', () => {
    expect(splitText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('puts one button per row', () => {
    expect(inlineKeyboard([{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }])).toEqual({
      inline_keyboard: [[{ text: 'A', callback_data: 'a' }], [{ text: 'B', callback_data: 'b' }]],
    });
  });

  it("refuses a choice id beyond Telegram's 64 bytes of button data", () => {
    expect(() => inlineKeyboard([{ id: 'faq:'.padEnd(65, 'x'), label: 'X' }])).toThrow(/shorter id/);
  });

  it.each([
    ['429 waits as long as Telegram asks', new TelegramError({ error_code: 429, description: 'Too Many Requests', parameters: { retry_after: 3 } }), { retryAfterMs: 3000 }],
    ['403 (blocked) gives up', new TelegramError({ error_code: 403, description: 'Forbidden: bot was blocked by the user' }), { permanent: true }],
    ['400 (chat not found) gives up', new TelegramError({ error_code: 400, description: 'Bad Request: chat not found' }), { permanent: true }],
    ['500 retries later', new TelegramError({ error_code: 500, description: 'Internal Server Error' }), {}],
    ['a network failure retries later', Object.assign(new Error('socket hang up'), { name: 'FetchError' }), {}],
  ])('%s', (_name, error, options) => {
    const delivery = toDeliveryError(error);
    expect(delivery.options.retryAfterMs).toBe((options as { retryAfterMs?: number }).retryAfterMs);
    expect(delivery.options.permanent).toBe((options as { permanent?: boolean }).permanent);
  });
});
