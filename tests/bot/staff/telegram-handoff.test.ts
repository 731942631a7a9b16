import { describe, expect, it } from 'vitest';
import type { FakeTelegramApi, SentMessage } from '../../helpers/fake-telegram-api.js';
import {
  RESIDENT,
  STAFF_CHAT,
  WANG,
  ZHAO,
  residentSays,
  settle,
  staffMessages,
  staffPhoto,
  staffPress,
  staffSays,
  startStaffBot,
  zh,
} from './staff-telegram-fixture.js';

/** The first bytes of a JPEG: Telegram photos are JPEGs, and the file check reads the signature. */
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(60, 1)]);
const RELATION_QUESTION_START = '您是为自己申请，还是替家人申请';

/** A resident in the middle of an application (at "for yourself or a relative?") who asks for a person. */
async function residentAsksForPerson(fake: FakeTelegramApi): Promise<SentMessage> {
  await residentSays(fake, RESIDENT, ['你好', '同意', '看看能否申请法律援助', '老板欠我三个月工资不给', '对']);
  expect(fake.texts(RESIDENT).at(-1)).toContain(RELATION_QUESTION_START);
  await residentSays(fake, RESIDENT, ['人工']);
  await fake.waitUntil(() => staffMessages(fake, '请求人工服务').length === 1);
  return staffMessages(fake, '请求人工服务')[0]!;
}

async function act(fake: FakeTelegramApi, update: Parameters<FakeTelegramApi['inject']>[0], chatId = STAFF_CHAT, count = 1): Promise<SentMessage[]> {
  const before = fake.sent(chatId).length;
  fake.inject(update);
  await fake.waitForSent(chatId, before + count);
  return fake.sent(chatId).slice(before);
}

function staffAnswers(fake: FakeTelegramApi) {
  return fake.callsTo('answerCallbackQuery').filter((c) => String(c.params.callback_query_id).startsWith('staff-query-'));
}

describe('Telegram staff group: talking to a person', () => {
  it('shows staff the request with the recent conversation and a Take button', async () => {
    const { fake } = await startStaffBot();
    const request = await residentAsksForPerson(fake);
    expect(request.text).toContain('👤 老板欠我三个月工资不给');
    expect(request.text).toContain(`🤖 ${RELATION_QUESTION_START}`);
    expect(request.text).toContain('👤 人工');
    expect(request.buttons).toEqual([{ text: zh('staffchat.button.take'), data: 'hand:take' }]);
    expect(fake.texts(RESIDENT).at(-2)).toBe(zh('handoff.requested', { minutes: 10 }));
  });

  it('relays both ways while staff hold the conversation, keeps the bot silent, and resumes the question on release', async () => {
    const { fake } = await startStaffBot();
    const request = await residentAsksForPerson(fake);
    const question = fake.texts(RESIDENT).at(-1)!;
    const before = fake.sent(RESIDENT).length;

    const [taken] = await act(fake, staffPress(fake, request, 'hand:take', WANG));
    expect(taken!.text).toContain('王芳 已接入');
    expect(taken!.buttons).toEqual([{ text: zh('staffchat.button.release'), data: 'hand:release' }]);
    await fake.waitForSent(RESIDENT, before + 1);

    fake.inject(staffPress(fake, request, 'hand:take', ZHAO));
    await fake.waitUntil(() => staffAnswers(fake).length === 2);
    expect(staffAnswers(fake)[1]!.params).toMatchObject({ show_alert: true });
    expect(String(staffAnswers(fake)[1]!.params.text)).toContain('已由 王芳 接入');

    const [relayed] = await act(fake, fake.text(RESIDENT, '包工头电话打不通了'));
    expect(relayed!.text).toMatch(/^💬 居民 #\w+（telegram）：包工头电话打不通了$/);
    await act(fake, staffSays(fake, '请把欠条拍照发过来', WANG, relayed), RESIDENT);

    const photo = fake.addFile(JPEG);
    const [relayedPhoto] = await act(fake, fake.photo(RESIDENT, photo));
    expect(relayedPhoto!.method).toBe('sendPhoto');
    expect(relayedPhoto!.caption).toMatch(/^📎 居民 #\w+（telegram）：/);
    expect(relayedPhoto!.content).toEqual(JPEG);

    const staffFile = fake.addFile(JPEG);
    await act(fake, staffPhoto(fake, staffFile, WANG, relayedPhoto!), RESIDENT);

    // Someone who does not hold the conversation cannot talk in it.
    const [refused] = await act(fake, staffSays(fake, '我来吧', ZHAO, relayed));
    expect(refused!.text).toContain('已由 王芳 接入');

    const [released] = await act(fake, staffPress(fake, taken!, 'hand:release', WANG));
    expect(released!.text).toContain('王芳 已结束');
    await fake.waitForSent(RESIDENT, before + 5);
    await settle(fake, RESIDENT);

    const during = fake.sent(RESIDENT).slice(before);
    expect(during.map((m) => m.text ?? m.method)).toEqual([
      zh('handoff.joined', { name: '王芳' }),
      zh('handoff.staff_says', { name: '王芳', text: '请把欠条拍照发过来' }),
      'sendPhoto',
      zh('handoff.released'),
      question,
    ]);
    // Named as her texts are (session 11: it was a bare '王芳').
    expect(during[2]!.caption).toBe('【王芳】');

    // The bot is back where the resident was.
    await residentSays(fake, RESIDENT, ['为自己申请']);
    expect(fake.texts(RESIDENT).at(-1)).toContain('案件在哪里处理');
  });

  it('takes the conversation for whoever replies first, and releases it with /release as a reply', async () => {
    const { fake } = await startStaffBot();
    const request = await residentAsksForPerson(fake);
    const before = fake.sent(RESIDENT).length;
    await act(fake, staffSays(fake, '您好，我是王芳', WANG, request), RESIDENT, 2);
    expect(fake.texts(RESIDENT).slice(before)).toEqual([
      zh('handoff.joined', { name: '王芳' }),
      zh('handoff.staff_says', { name: '王芳', text: '您好，我是王芳' }),
    ]);
    const [taken] = staffMessages(fake, '王芳 已接入');
    await act(fake, staffSays(fake, '/release', WANG, taken));
    await fake.waitForSent(RESIDENT, before + 4);
    expect(fake.texts(RESIDENT).slice(before + 2)).toEqual([zh('handoff.released'), fake.texts(RESIDENT).at(-1)]);
    expect(fake.texts(RESIDENT).at(-1)).toContain(RELATION_QUESTION_START);
  });

  it('tells staff when a resident stops waiting ("算了不等了"), and does not time them out later', async () => {
    const { fake, staff } = await startStaffBot();
    await residentSays(fake, RESIDENT, ['你好', '同意', '人工']);
    await fake.waitUntil(() => staffMessages(fake, '请求人工服务').length === 1);
    await residentSays(fake, RESIDENT, ['算了不等了']);
    await fake.waitUntil(() => staffMessages(fake, '不再等待').length === 1);
    expect(fake.texts(RESIDENT)).toContain(zh('conv.handoff.left', { hotline: '12348' }));
    expect(await staff.checkPickups(Date.now() + 60 * 60_000)).toEqual([]);
  });

  it('tells the resident when nobody takes it in time and passes a call-back request to staff', async () => {
    const { fake, staff } = await startStaffBot();
    await residentAsksForPerson(fake);
    expect(await staff.checkPickups(Date.now() + 9 * 60_000)).toEqual([]);
    const before = fake.sent(RESIDENT).length;
    expect(await staff.checkPickups(Date.now() + 11 * 60_000)).toEqual([`telegram:${RESIDENT}`]);
    const [timeout] = (await fake.waitForSent(RESIDENT, before + 1)).slice(before);
    expect(timeout!.text).toBe(zh('handoff.timeout', { minutes: 10, hotline: '12348' }));
    expect(timeout!.buttons?.map((b) => b.data)).toContain('handoff.callback');
    await fake.waitUntil(() => staffMessages(fake, '无人接入').length === 1);

    await residentSays(fake, RESIDENT, [zh('handoff.callback')]);
    expect(fake.texts(RESIDENT).at(-1)).toBe(zh('handoff.callback.ask_phone'));
    await residentSays(fake, RESIDENT, ['13900139000']);
    await fake.waitUntil(() => staffMessages(fake, '请求回电').length === 1);
    expect(staffMessages(fake, '请求回电')[0]!.text).toContain('13900139000');
    // Timed out once: a later check does not tell the resident again.
    expect(await staff.checkPickups(Date.now() + 60 * 60_000)).toEqual([]);
  });
});
