import { describe, expect, it } from 'vitest';
import type { FakeTelegramApi, SentMessage } from '../../helpers/fake-telegram-api.js';
import {
  RESIDENT,
  STAFF_CHAT,
  STRANGER,
  WAGES_APPLICATION,
  WANG,
  ZHAO,
  residentSays,
  settle,
  staffMessages,
  staffPress,
  staffSays,
  startStaffBot,
  zh,
} from './staff-telegram-fixture.js';

/** The first bytes of a JPEG: Telegram photos are JPEGs, and the file check reads the signature. */
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(60, 1)]);

/** The resident applies; resolves with the reference number and the card the staff group got. */
async function applyAndFindCard(fake: FakeTelegramApi): Promise<{ ref: string; card: SentMessage }> {
  await residentSays(fake, RESIDENT, WAGES_APPLICATION);
  const ref = fake.texts(RESIDENT).join('\n').match(/FY-\d{8}-\d{4}/)?.[0];
  expect(ref).toBeDefined();
  await fake.waitUntil(() => staffMessages(fake, ref!).length > 0);
  return { ref: ref!, card: staffMessages(fake, ref!)[0]! };
}

/** The pop-up text staff saw for each button press, in order. */
function popups(fake: FakeTelegramApi): { text?: string; alert?: boolean }[] {
  return staffAnswers(fake).map((c) => ({
    ...(typeof c.params.text === 'string' ? { text: c.params.text } : {}),
    ...(c.params.show_alert === true ? { alert: true } : {}),
  }));
}

/** Answers to presses in the staff group (the resident's own presses are answered too). */
function staffAnswers(fake: FakeTelegramApi) {
  return fake.callsTo('answerCallbackQuery').filter((c) => String(c.params.callback_query_id).startsWith('staff-query-'));
}

/** Sends `update` and resolves once the chat has `count` more messages than before. */
async function act(fake: FakeTelegramApi, update: Parameters<FakeTelegramApi['inject']>[0], chatId = STAFF_CHAT, count = 1): Promise<SentMessage[]> {
  const before = fake.sent(chatId).length;
  fake.inject(update);
  await fake.waitForSent(chatId, before + count);
  return fake.sent(chatId).slice(before);
}

describe('Telegram staff group: cases', () => {
  it('posts a submitted case as a card with its legal basis, due date and a Claim button', async () => {
    const { fake } = await startStaffBot();
    const { ref, card } = await applyAndFindCard(fake);
    expect(card.text).toContain(`${ref} · ${zh('category.wages')}`);
    expect(card.text).toMatch(/《法律援助法》第[一二三四五六七八九十、第条]*第四十二条/);
    expect(card.text).toContain('决定期限：');
    expect(card.text).toContain('张三');
    expect(card.buttons).toEqual([{ text: zh('staff.action.claim'), data: `staff:claim:${ref}` }]);
  });

  it('posts the files sent with the application after the card, and a failed file is retried without posting the card twice', async () => {
    const { fake } = await startStaffBot();
    const upTo = WAGES_APPLICATION.indexOf('完成');
    await residentSays(fake, RESIDENT, WAGES_APPLICATION.slice(0, upTo));
    const before = fake.sent(RESIDENT).length;
    fake.inject(fake.photo(RESIDENT, fake.addFile(JPEG)));
    await fake.waitForSent(RESIDENT, before + 1);
    await settle(fake, RESIDENT);
    fake.failNext('sendPhoto', { code: 500 });
    await residentSays(fake, RESIDENT, WAGES_APPLICATION.slice(upTo));
    const ref = fake.texts(RESIDENT).join('\n').match(/FY-\d{8}-\d{4}/)![0];
    await fake.waitUntil(() => fake.sent(STAFF_CHAT).some((m) => m.method === 'sendPhoto'));
    expect(fake.callsTo('sendPhoto').map((c) => c.failedWith)).toEqual([500, undefined]);
    const [card, file] = fake.sent(STAFF_CHAT);
    expect(card!.text).toContain(zh('staff.card.attachments', { count: 1, names: '' }).trim());
    expect(file).toMatchObject({ method: 'sendPhoto', content: JPEG });
    expect(file!.caption).toContain(`📎 ${ref}：`);
    expect(staffMessages(fake, `${ref} · `)).toHaveLength(1);
  });

  it('claims, requests the missing documents in one notice and accepts with a lawyer; the resident is told each step', async () => {
    const { fake } = await startStaffBot();
    const { ref, card } = await applyAndFindCard(fake);
    const residentBefore = fake.sent(RESIDENT).length;

    const [claimed] = await act(fake, staffPress(fake, card, `staff:claim:${ref}`, WANG));
    expect(claimed!.text).toContain(`✅ ${ref}`);
    expect(claimed!.text).toContain(zh('staff.done.notified'));
    const [claimNotice] = await fake.waitForSent(RESIDENT, residentBefore + 1).then((s) => s.slice(residentBefore));
    expect(claimNotice!.text).toContain(`您的申请 ${ref} 已由法律援助中心工作人员受理审查`);
    // The card follows the case: its buttons now offer what can be done after a claim.
    const cardEdits = () => fake.callsTo('editMessageReplyMarkup').filter((c) => String(c.params.chat_id) === String(STAFF_CHAT) && c.params.message_id === card.messageId);
    await fake.waitUntil(() => cardEdits().length === 1);
    expect(JSON.stringify(cardEdits()[0]!.params.reply_markup)).toContain(`staff:materials:${ref}`);

    const [picker] = await act(fake, staffPress(fake, card, `staff:materials:${ref}`, WANG));
    expect(picker!.text).toContain(ref);
    const toggles = picker!.buttons!.filter((b) => b.data.startsWith('doc:') && !b.data.endsWith(':send'));
    expect(toggles.length).toBeGreaterThanOrEqual(3);
    const [first, second] = toggles;
    for (const toggle of [first!, second!]) {
      const edits = fake.callsTo('editMessageReplyMarkup').length;
      fake.inject(staffPress(fake, picker!, toggle.data, WANG));
      await fake.waitUntil(() => fake.callsTo('editMessageReplyMarkup').length > edits);
    }
    const lastEdit = fake.callsTo('editMessageReplyMarkup').at(-1)!;
    expect(JSON.stringify(lastEdit.params.reply_markup)).toContain(`✅ ${first!.text.slice(2)}`);
    const send = picker!.buttons!.find((b) => b.data.endsWith(':send'))!;
    await act(fake, staffPress(fake, picker!, send.data, WANG));
    const [materialsNotice] = await fake.waitForSent(RESIDENT, residentBefore + 2).then((s) => s.slice(residentBefore + 1));
    expect(materialsNotice!.text).toContain('一次性告知');
    expect(materialsNotice!.text).toContain(`1. ${first!.text.slice(2)}`);
    expect(materialsNotice!.text).toContain(`2. ${second!.text.slice(2)}`);

    const [question] = await act(fake, staffPress(fake, card, `staff:accept:${ref}`, WANG));
    expect(question!.text).toContain(`王芳：${zh('staff.ask.lawyer', { ref })}`);
    const [accepted] = await act(fake, staffSays(fake, '李明律师', WANG, question));
    expect(accepted!.text).toContain(`✅ ${ref}`);
    const [acceptNotice] = await fake.waitForSent(RESIDENT, residentBefore + 3).then((s) => s.slice(residentBefore + 2));
    expect(acceptNotice!.text).toContain('已获批准。承办律师：李明律师');
    expect(fake.sent(RESIDENT)).toHaveLength(residentBefore + 3);
  });

  it('sends a decline with its reason and how to object (LAL 49)', async () => {
    const { fake } = await startStaffBot();
    const { ref, card } = await applyAndFindCard(fake);
    await act(fake, staffPress(fake, card, `staff:claim:${ref}`, WANG));
    const [question] = await act(fake, staffPress(fake, card, `staff:decline:${ref}`, WANG));
    const residentBefore = fake.sent(RESIDENT).length;
    await act(fake, staffSays(fake, '已超过诉讼时效', WANG, question));
    const [notice] = await fake.waitForSent(RESIDENT, residentBefore + 1).then((s) => s.slice(residentBefore));
    expect(notice!.text).toContain('理由：已超过诉讼时效');
    expect(notice!.text).toContain('第四十九条');
  });

  it('refers a case to mediation with one press on the destination list', async () => {
    const { fake } = await startStaffBot();
    const { ref, card } = await applyAndFindCard(fake);
    await act(fake, staffPress(fake, card, `staff:claim:${ref}`, WANG));
    const [question] = await act(fake, staffPress(fake, card, `staff:refer:${ref}`, WANG));
    const mediation = question!.buttons!.find((b) => b.text === zh('staffchat.refer.mediation'))!;
    const residentBefore = fake.sent(RESIDENT).length;
    await act(fake, staffPress(fake, question!, mediation.data, WANG));
    const [notice] = await fake.waitForSent(RESIDENT, residentBefore + 1).then((s) => s.slice(residentBefore));
    expect(notice!.text).toContain(`已转交以下机构办理：${zh('staffchat.refer.mediation')}`);
  });

  it('refuses a press by someone who is not staff and logs only their user id', async () => {
    const { fake, app, logs } = await startStaffBot();
    const { ref, card } = await applyAndFindCard(fake);
    const staffBefore = fake.sent(STAFF_CHAT).length;
    fake.inject(staffPress(fake, card, `staff:claim:${ref}`, STRANGER));
    await fake.waitUntil(() => staffAnswers(fake).length === 1);
    expect(popups(fake)).toEqual([{ text: zh('staffchat.refused'), alert: true }]);
    expect((await app.services.cases.get(ref))!.status).toBe('new');
    expect(fake.sent(STAFF_CHAT)).toHaveLength(staffBefore);
    const refusal = logs.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => String(l.msg).includes('not staff'));
    expect(refusal).toMatchObject({ userId: STRANGER.id });
    expect(logs.join('\n')).not.toContain(STRANGER.first_name);
  });

  it('lets one of two staff pressing Claim at once win and tells the other who has it', async () => {
    const { fake, app } = await startStaffBot();
    const { ref, card } = await applyAndFindCard(fake);
    fake.inject(staffPress(fake, card, `staff:claim:${ref}`, WANG), staffPress(fake, card, `staff:claim:${ref}`, ZHAO));
    await fake.waitUntil(() => staffAnswers(fake).length === 2);
    const winner = (await app.services.cases.get(ref))!.assignee;
    expect(['王芳', '赵强']).toContain(winner);
    const refused = popups(fake).filter((p) => p.alert);
    expect(refused).toEqual([{ text: zh('staff.refused.already_claimed', { ref, by: winner! }), alert: true }]);
    await settle(fake, STAFF_CHAT);
    expect(staffMessages(fake, `✅ ${ref}`)).toHaveLength(1);
  });

  it('answers /queue, /case, /mine and /stats in the staff group, and refuses them to others', async () => {
    const { fake } = await startStaffBot();
    const { ref, card } = await applyAndFindCard(fake);
    const [queue] = await act(fake, staffSays(fake, '/queue', ZHAO));
    expect(queue!.text).toContain(zh('staff.queue.header', { count: 1 }));
    expect(queue!.buttons).toEqual([{ text: ref, data: `staff:show:${ref}` }]);
    await act(fake, staffPress(fake, card, `staff:claim:${ref}`, WANG));
    const [mine] = await act(fake, staffSays(fake, '/mine@fayuan_test_bot', WANG));
    expect(mine!.text).toContain(zh('staff.mine.header', { name: '王芳', count: 1 }));
    const [full] = await act(fake, staffSays(fake, `/case ${ref}`, ZHAO));
    expect(full!.text).toContain(`${ref} · ${zh('category.wages')}`);
    expect(full!.text).toContain('王芳：认领');
    const [stats] = await act(fake, staffSays(fake, '/stats', ZHAO));
    expect(stats!.text).toContain(zh('staff.stats.received', { count: 1, urgent: 0 }));
    const [refused] = await act(fake, staffSays(fake, '/queue', STRANGER));
    expect(refused!.text).toBe(zh('staffchat.refused'));
  });

  it('reminds the staff group of cases past their decision date, with a button to open each', async () => {
    const aMonthLater = () => Date.now() + 30 * 24 * 3_600_000;
    const { fake } = await startStaffBot({}, { overdueCheckMs: 50, now: aMonthLater });
    const { ref } = await applyAndFindCard(fake);
    await fake.waitUntil(() => staffMessages(fake, '逾期提醒').length === 1);
    const reminder = staffMessages(fake, '逾期提醒')[0]!;
    expect(reminder.text).toContain(ref);
    expect(reminder.buttons).toEqual([{ text: ref, data: `staff:show:${ref}` }]);
  });

  it('stays quiet about ordinary chat between staff and other bots’ commands', async () => {
    const { fake } = await startStaffBot();
    fake.inject(staffSays(fake, '今天谁值班？', WANG), staffSays(fake, '/queue@some_other_bot', WANG), staffSays(fake, '/help', ZHAO));
    const [help] = await fake.waitForSent(STAFF_CHAT, 1);
    await settle(fake, STAFF_CHAT);
    expect(fake.sent(STAFF_CHAT)).toHaveLength(1);
    expect(help!.text).toBe(zh('staffchat.help'));
  });
});
