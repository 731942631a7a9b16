import { describe, expect, it } from 'vitest';
import type { Context } from 'telegraf';
import { en, startTestBot, zh } from './telegram-fixture.js';

const ANA = 1001;
const BO = 1002;
const CY = 1003;
const STAFF_CHAT = -100777;

const privacyButtons = (t: typeof zh) => [
  { text: t('core.consent.agree'), data: 'consent.agree' },
  { text: t('core.consent.decline'), data: 'consent.decline' },
  { text: t('core.menu.language'), data: 'lang.toggle' },
];

describe('Telegram channel (long polling)', () => {
  it('answers /start with the greeting, then the privacy notice with consent buttons', async () => {
    const { fake } = await startTestBot();
    fake.inject(fake.text(ANA, '/start'));
    const sent = await fake.waitForSent(ANA, 2);
    expect(sent.map((m) => m.text)).toEqual([zh('core.greeting'), zh('core.privacy')]);
    expect(sent[0]!.buttons).toBeUndefined();
    expect(sent[1]!.buttons).toEqual(privacyButtons(zh));
    expect(fake.callsTo('deleteWebhook')).toHaveLength(1);
  });

  it('moves on when a button is pressed, stops the spinner and retires the used keyboard', async () => {
    const { fake } = await startTestBot();
    fake.inject(fake.text(ANA, '/start'));
    const [, privacy] = await fake.waitForSent(ANA, 2);
    const press = fake.press(ANA, 'consent.agree');
    fake.inject(press);
    const sent = await fake.waitForSent(ANA, 3);
    expect(sent[2]!.text).toBe(zh('core.menu'));
    expect(sent[2]!.buttons).toContainEqual({ text: zh('core.menu.ask'), data: 'menu.ask' });
    await fake.waitUntil(() => fake.callsTo('editMessageReplyMarkup').length === 1);
    expect(fake.callsTo('answerCallbackQuery')[0]!.params).toMatchObject({ callback_query_id: press.callback_query!.id });
    expect(fake.callsTo('editMessageReplyMarkup')[0]!.params).toMatchObject({ chat_id: ANA, message_id: privacy!.messageId });
  });

  it('switches to English with /lang en', async () => {
    const { fake } = await startTestBot();
    fake.inject(fake.text(ANA, '/start'));
    await fake.waitForSent(ANA, 2);
    fake.inject(fake.text(ANA, '/lang en'));
    const sent = await fake.waitForSent(ANA, 4);
    expect(sent.slice(2).map((m) => m.text)).toEqual([en('core.language.changed'), en('core.privacy')]);
    expect(sent[3]!.buttons).toEqual(privacyButtons(en));
  });

  it('answers stickers, voice messages and locations kindly, saying what it understands', async () => {
    const { fake } = await startTestBot();
    fake.inject(fake.text(ANA, '/start'));
    await fake.waitForSent(ANA, 2);
    fake.inject(fake.sticker(ANA), fake.voice(ANA), fake.location(ANA));
    const texts = (await fake.waitForSent(ANA, 8)).map((m) => m.text);
    const unsupported = (kind: string) => zh('core.unsupported', { kind: zh(`core.kind.${kind}`) });
    expect(texts.slice(2)).toEqual([
      unsupported('sticker'),
      zh('core.privacy'),
      unsupported('voice'),
      zh('core.privacy'),
      unsupported('location'),
      zh('core.privacy'),
    ]);
  });

  it('processes a message delivered twice only once', async () => {
    const { fake } = await startTestBot();
    const start = fake.text(ANA, '/start');
    fake.inject(start, fake.again(start), fake.text(ANA, '/help'));
    // A second /start would greet again before the help text.
    const texts = (await fake.waitForSent(ANA, 4)).map((m) => m.text);
    expect(texts).toEqual([zh('core.greeting'), zh('core.privacy'), zh('core.help', { hotline: '12348' }), zh('core.privacy')]);
  });

  it('keeps every chat in order when a batch of updates for several chats arrives at once', async () => {
    const { fake } = await startTestBot();
    const chats = [ANA, BO, CY];
    const steps = [
      (chat: number) => fake.text(chat, '/start'),
      (chat: number) => fake.press(chat, 'consent.agree'),
      (chat: number) => fake.text(chat, '/lang en'),
      (chat: number) => fake.text(chat, '/help'),
    ];
    fake.inject(...steps.flatMap((step) => chats.map((chat) => step(chat))));
    const expected = [
      zh('core.greeting'),
      zh('core.privacy'),
      zh('core.menu'),
      en('core.language.changed'),
      en('core.menu'),
      en('core.help', { hotline: '12348' }),
      en('core.menu'),
    ];
    for (const chat of chats) {
      expect((await fake.waitForSent(chat, expected.length)).map((m) => m.text)).toEqual(expected);
    }
    expect(fake.batches).toEqual([steps.length * chats.length]);
  });

  it("retries a reply refused with 429 after Telegram's retry_after and delivers it exactly once", async () => {
    const { fake } = await startTestBot();
    fake.failNext('sendMessage', { code: 429, retryAfter: 1 });
    fake.inject(fake.text(ANA, '/start'));
    const texts = (await fake.waitForSent(ANA, 2)).map((m) => m.text);
    expect(texts).toEqual([zh('core.greeting'), zh('core.privacy')]);
    const [refused, retried, next] = fake.callsTo('sendMessage');
    expect(refused!.failedWith).toBe(429);
    expect(retried!.params.text).toBe(zh('core.greeting'));
    expect(retried!.at - refused!.at).toBeGreaterThanOrEqual(950);
    expect(next!.params.text).toBe(zh('core.privacy'));
    expect(fake.callsTo('sendMessage')).toHaveLength(3);
  });

  it('retries a reply after a server error', async () => {
    const { fake } = await startTestBot();
    fake.failNext('sendMessage', { code: 500 });
    fake.inject(fake.text(ANA, '/start'));
    expect((await fake.waitForSent(ANA, 2)).map((m) => m.text)).toEqual([zh('core.greeting'), zh('core.privacy')]);
    expect(fake.callsTo('sendMessage').map((c) => c.failedWith)).toEqual([500, undefined, undefined]);
  });

  it('passes staff-chat updates to the staff hook and never to a resident conversation', async () => {
    const staffUpdates: number[] = [];
    const onStaffUpdate = async (ctx: Context) => void staffUpdates.push(ctx.update.update_id);
    const { fake, app } = await startTestBot({ TELEGRAM_STAFF_CHAT_ID: String(STAFF_CHAT) }, { onStaffUpdate });
    const staff = fake.text(STAFF_CHAT, '/start', { chat: { id: STAFF_CHAT, type: 'supergroup', title: 'Staff' }, fromId: 4242 });
    const otherGroup = fake.text(-100555, '/start', { chat: { id: -100555, type: 'group', title: 'Elsewhere' }, fromId: 4343 });
    fake.inject(staff, otherGroup, fake.text(ANA, '/start'));
    await fake.waitForSent(ANA, 2);
    expect(staffUpdates).toEqual([staff.update_id]);
    expect(fake.sent(STAFF_CHAT)).toEqual([]);
    expect(fake.sent(-100555)).toEqual([]);
    expect(await app.runner.inspect('telegram', '4242')).toBeUndefined();
    expect(await app.runner.inspect('telegram', '4343')).toBeUndefined();
  });

  it('asks the resident kindly, in their language, to try again when a message cannot be processed', async () => {
    const { fake, app } = await startTestBot();
    fake.inject(fake.text(ANA, '/start'), fake.text(ANA, '/lang en'));
    await fake.waitForSent(ANA, 4);
    await app.runner.drain(); // from now on the runner refuses every message
    fake.inject(fake.text(ANA, 'hello'), fake.text(BO, '你好'));
    expect((await fake.waitForSent(ANA, 5))[4]!.text).toBe(en('core.error.try_again'));
    expect((await fake.waitForSent(BO, 1))[0]!.text).toBe(zh('core.error.try_again'));
  });

  it('confirms handled updates to Telegram, so a restart does not receive them again', async () => {
    const { fake, channel } = await startTestBot();
    fake.inject(fake.text(ANA, '/start'));
    await fake.waitForSent(ANA, 2);
    await channel.close();
    expect(fake.unconfirmed).toBe(0);
  });
});
