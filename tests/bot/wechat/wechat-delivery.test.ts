import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { wechatCommand } from '../../../src/cli/wechat-command.js';
import { performCaseAction } from '../../../src/bot/staff/case-actions.js';
import { newCase } from '../../fixtures/cases.js';
import { startTestWechat, zh } from './wechat-fixture.js';

const ANA = 'o-ana-openid';
const BO = 'o-bo-openid';
const SEND = '/cgi-bin/message/custom/send';
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)]);
/** A staff chat is configured, so residents can ask for a person (its messages wait in the outbox here). */
const WITH_STAFF = { TELEGRAM_BOT_TOKEN: '123456:TEST-token_abcdefghijklmnopqrstuvwxyz', TELEGRAM_STAFF_CHAT_ID: '-100777' };

/** Follows the account and agrees to the privacy notice: the main menu is the last message. */
async function consented(t: Awaited<ReturnType<typeof startTestWechat>>, openId: string) {
  const resident = t.resident(openId);
  await resident.post(resident.event('subscribe'));
  const [, privacy] = await t.fake.waitForSent(openId, 2);
  await resident.tap(privacy!.options!.find((o) => o.id === 'consent.agree')!);
  await t.fake.waitForSent(openId, 3);
  return resident;
}

describe('WeChat delivery', () => {
  it('processes a message WeChat retries (same MsgId) once, also after a restart', async () => {
    const first = await startTestWechat();
    const ana = first.resident(ANA);
    const hello = ana.message('text', { Content: '你好' });
    await ana.post(hello);
    await ana.post(hello);
    await first.fake.waitForSent(ANA, 2);
    await new Promise((r) => setTimeout(r, 200));
    expect(first.fake.sentTo(ANA)).toHaveLength(2); // greeting and privacy notice, once

    await first.stop();
    const second = await startTestWechat({ fake: first.fake, dataDir: first.dataDir });
    const again = await second.resident(ANA).post(hello);
    expect(again).toMatchObject({ status: 200, body: 'success' });
    await second.resident(ANA).text('同意');
    await second.fake.waitForSent(ANA, 3);
    await new Promise((r) => setTimeout(r, 200));
    // Only the agreement was new: a second greeting would come before the menu.
    expect(second.fake.sentTo(ANA).slice(2).map((m) => m.text)).toEqual([zh('core.menu')]);
  });

  it('fetches one access token for everything and a new one when WeChat says it expired', async () => {
    const t = await startTestWechat();
    await consented(t, ANA);
    expect(t.fake.tokensIssued).toBe(1);
    t.fake.expireTokens();
    await t.resident(ANA).tap({ id: 'menu.help', content: zh('core.menu.help') });
    await t.fake.waitForSent(ANA, 4);
    expect(t.fake.tokensIssued).toBe(2);
    expect(t.fake.callsTo(SEND).filter((c) => c.errcode === 42001)).toHaveLength(1);
  });

  it('backs off when WeChat is busy and delivers afterwards', async () => {
    const t = await startTestWechat();
    t.fake.failNext(SEND, -1, -1);
    await t.resident(ANA).text('你好');
    const sent = await t.fake.waitForSent(ANA, 2, 8000);
    expect(sent.map((m) => m.text)).toEqual([zh('core.greeting'), zh('core.privacy')]);
    expect(t.fake.callsTo(SEND).filter((c) => c.errcode === -1)).toHaveLength(2);
  });

  it('holds a staff notice WeChat refuses (45015, 48 hours), tells staff, and delivers it when the resident writes again', async () => {
    const t = await startTestWechat();
    const ana = await consented(t, ANA);
    const { ref } = await t.app.services.cases.createCase(newCase({ conversationKey: `wechat:${ANA}`, channel: 'wechat', address: ANA }));
    t.fake.silence(ANA);
    // As `fayuan cases claim` does from another process: the notice is written to the outbox, the bot picks it up.
    await performCaseAction({ cases: t.app.services.cases, pack: t.app.services.pack }, ref, { type: 'claim' }, { kind: 'staff', name: '王芳' });
    await t.app.dispatcher.resume();
    const held = t.app.repos.wechatHeld;
    await t.fake.waitUntil(() => t.fake.callsTo(SEND).some((c) => c.errcode === 45015));
    await t.fake.waitUntil(() => false, 50).catch(() => undefined);
    expect(await held.waiting()).toEqual([expect.objectContaining({ caseRef: ref, conversationKey: `wechat:${ANA}`, errcode: 45015 })]);
    // What staff see: `fayuan wechat held` names the case whose notice did not arrive.
    const out = new PassThrough();
    const chunks: string[] = [];
    out.on('data', (c) => chunks.push(String(c)));
    const io = { stdin: new PassThrough(), stdout: out, stderr: new PassThrough(), config: t.app.config, shutdown: new AbortController().signal };
    expect(await wechatCommand({ ...io, args: ['held'] })).toBe(0);
    expect(chunks.join('')).toContain(zh('wechat.cli.held_header'));
    expect(chunks.join('')).toContain(ref);
    // Held, not retried on a timer.
    await new Promise((r) => setTimeout(r, 700));
    expect(t.fake.callsTo(SEND).filter((c) => c.errcode === 45015)).toHaveLength(1);

    await ana.tap({ id: 'menu.help', content: zh('core.menu.help') });
    const sent = await t.fake.waitForSent(ANA, 6);
    const texts = sent.slice(3).map((m) => m.text);
    expect(texts[0]).toContain(ref); // the held notice first, then the answer to what the resident just did
    expect(texts[1]).toBe(zh('core.help', { hotline: '12348' }));
    expect(await held.waiting()).toEqual([]);
  });

  it('falls back to numbered text when WeChat refuses a menu message, and takes the typed number as the choice', async () => {
    const t = await startTestWechat();
    const bo = t.resident(BO);
    t.fake.refuseMenus = true;
    await bo.text('你好');
    const [, privacy] = await t.fake.waitForSent(BO, 2);
    expect(privacy!.msgtype).toBe('text');
    expect(privacy!.text).toContain(`1. ${zh('core.consent.agree')}`);
    await bo.text('１'); // a full-width digit, as Chinese keyboards type it
    const menu = (await t.fake.waitForSent(BO, 3))[2]!;
    expect(menu).toMatchObject({ msgtype: 'text' });
    expect(menu.text.startsWith(zh('core.menu'))).toBe(true);
    expect(menu.text).toMatch(new RegExp(`\\n\\d\\. ${zh('core.menu.apply')}`));
  });

  it('answers a voice message with recognition text as typed text, and one without kindly', async () => {
    const t = await startTestWechat({ env: WITH_STAFF });
    const ana = await consented(t, ANA);
    await ana.post(ana.message('voice', { MediaId: t.fake.addMedia(Buffer.from('#!AMR\n'), 'audio/amr'), Format: 'amr', Recognition: '我要转人工' }));
    const requested = (await t.fake.waitForSent(ANA, 4))[3]!;
    expect(requested.text).toBe(zh('handoff.requested', { minutes: '10' }));
    await ana.post(ana.message('voice', { MediaId: t.fake.addMedia(Buffer.from('#!AMR\n'), 'audio/amr'), Format: 'amr' }));
    await t.fake.waitUntil(() => t.fake.sentTo(ANA).some((m) => m.text === zh('core.unsupported', { kind: zh('core.kind.voice') })));
    expect(t.fake.callsTo('/cgi-bin/media/get')).toHaveLength(0);
  });

  it('gives a kind reply to locations, links and videos', async () => {
    const t = await startTestWechat();
    const ana = await consented(t, ANA);
    await ana.post(ana.message('location', { Location_X: '23.13', Location_Y: '113.26', Scale: '15', Label: '广州' }));
    await ana.post(ana.message('link', { Title: 't', Description: 'd', Url: 'http://example.org' }));
    await ana.post(ana.message('video', { MediaId: 'v1', ThumbMediaId: 't1' }));
    await t.fake.waitForSent(ANA, 9);
    const unsupported = (kind: string) => zh('core.unsupported', { kind: zh(`core.kind.${kind}`) });
    expect(t.fake.sentTo(ANA).slice(3).map((m) => m.text).filter((text) => text !== zh('core.menu'))).toEqual([
      unsupported('location'),
      unsupported('other'),
      unsupported('video'),
    ]);
  });

  it('relays a live conversation with staff both ways, splitting a long staff message at 2048 bytes', async () => {
    const t = await startTestWechat({ env: WITH_STAFF });
    const ana = await consented(t, ANA);
    await ana.post(ana.event('CLICK', { EventKey: 'menu.human' }));
    await t.fake.waitUntil(() => t.fake.sentTo(ANA).some((m) => m.text === zh('handoff.requested', { minutes: '10' })));
    const key = `wechat:${ANA}`;
    await t.app.runner.dispatch(key, { type: 'staff.joined', staffName: '王律师' });
    await t.fake.waitUntil(() => t.fake.sentTo(ANA).some((m) => m.text === zh('handoff.joined', { name: '王律师' })));

    await ana.text('我想问问仲裁怎么申请');
    await t.fake.waitUntil(() => false, 100).catch(() => undefined);
    const toStaff = (await t.app.repos.outbox.pendingOutbox()).filter((m) => m.channel === 'staff').map((m) => (m.payload as { relay: unknown }).relay);
    expect(toStaff).toContainEqual({ kind: 'message', text: '我想问问仲裁怎么申请' });

    const long = '请准备劳动合同、工资条和考勤记录。'.repeat(90); // about 4,600 bytes
    const before = t.fake.sentTo(ANA).length;
    await t.app.runner.dispatch(key, { type: 'staff.message', staffName: '王律师', text: long });
    await t.fake.waitForSent(ANA, before + 3);
    const parts = t.fake.sentTo(ANA).slice(before);
    for (const part of parts) expect(Buffer.byteLength(part.text, 'utf8')).toBeLessThanOrEqual(2048);
    expect(parts.map((p) => p.text).join('')).toBe(zh('handoff.staff_says', { name: '王律师', text: long }));
  });

  it('saves a voice message as a document while staff hold the conversation', async () => {
    const t = await startTestWechat({ env: { ...WITH_STAFF, ATTACHMENT_TYPES: 'image/jpeg,audio/amr' } });
    const ana = await consented(t, ANA);
    await ana.post(ana.event('CLICK', { EventKey: 'menu.human' }));
    await t.fake.waitUntil(() => t.fake.sentTo(ANA).some((m) => m.text === zh('handoff.requested', { minutes: '10' })));
    await t.app.runner.dispatch(`wechat:${ANA}`, { type: 'staff.joined', staffName: '王律师' });
    await ana.post(ana.message('voice', { MediaId: t.fake.addMedia(Buffer.from('#!AMR\nvoice'), 'audio/amr'), Format: 'amr', Recognition: '这是录音' }));
    await t.fake.waitUntil(() => t.fake.callsTo('/cgi-bin/media/get').length === 1);
    await t.fake.waitUntil(() => false, 100).catch(() => undefined);
    const toStaff = (await t.app.repos.outbox.pendingOutbox()).filter((m) => m.channel === 'staff').map((m) => (m.payload as { relay: { kind: string; attachment?: { mimeType: string } } }).relay);
    expect(toStaff).toContainEqual(expect.objectContaining({ kind: 'attachment', attachment: expect.objectContaining({ mimeType: 'audio/amr' }) }));
  });
});

describe('WeChat menu, order and files', () => {
  it('opens the main menu first when 申请法律援助 is clicked from elsewhere, then starts the application', async () => {
    const t = await startTestWechat();
    const ana = await consented(t, ANA);
    await ana.tap({ id: 'menu.ask', content: zh('core.menu.ask') });
    await t.fake.waitForSent(ANA, 4);
    await ana.post(ana.event('CLICK', { EventKey: 'menu.apply' }));
    await t.fake.waitUntil(() => t.fake.sentTo(ANA).some((m) => m.text === zh('intake.start')));
    const texts = t.fake.sentTo(ANA).slice(4).map((m) => m.text);
    expect(texts[0]).toBe(zh('core.menu'));
    expect(texts).toContain(zh('intake.start'));
  });

  it('keeps a resident\'s messages in arrival order while a photo before them downloads', async () => {
    const t = await startTestWechat();
    const ana = t.resident(ANA);
    const photo = ana.message('image', { MediaId: t.fake.addMedia(JPEG, 'image/jpeg', 300), PicUrl: 'http://mmbiz.example/2.jpg' });
    const hello = ana.message('text', { Content: '你好' });
    await Promise.all([ana.post(photo), new Promise((r) => setTimeout(r, 20)).then(() => ana.post(hello))]);
    await t.fake.waitForSent(ANA, 3);
    const transcript = await t.app.repos.conversations.recentTranscript(`wechat:${ANA}`, 20);
    const inbound = transcript.filter((e) => e.direction === 'in').map((e) => (e.body as { event: { type: string } }).event.type);
    expect(inbound).toEqual(['user.attachment', 'user.text']);
  });

  it('sends a photo staff share as an image and explains a PDF it cannot pass on', async () => {
    const t = await startTestWechat({ env: WITH_STAFF });
    const ana = await consented(t, ANA);
    await ana.post(ana.event('CLICK', { EventKey: 'menu.human' }));
    await t.fake.waitUntil(() => t.fake.sentTo(ANA).some((m) => m.text === zh('handoff.requested', { minutes: '10' })));
    const key = `wechat:${ANA}`;
    await t.app.runner.dispatch(key, { type: 'staff.joined', staffName: '王律师' });
    const dir = t.app.config.attachmentsDir;
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'b'.repeat(32)), JPEG);
    await writeFile(path.join(dir, 'c'.repeat(32)), Buffer.from('%PDF-1.4 test'));
    await t.app.runner.dispatch(key, { type: 'staff.file', staffName: '王律师', attachment: { id: 'b'.repeat(32), fileName: '清单.jpg', mimeType: 'image/jpeg', size: JPEG.length } });
    await t.app.runner.dispatch(key, { type: 'staff.file', staffName: '王律师', attachment: { id: 'c'.repeat(32), fileName: '申请表.pdf', mimeType: 'application/pdf', size: 13 } });
    await t.fake.waitUntil(() => t.fake.sentTo(ANA).some((m) => m.text === zh('wechat.file.not_image', { fileName: '申请表.pdf' })));
    const image = t.fake.sentTo(ANA).find((m) => m.msgtype === 'image')!;
    expect(t.fake.uploaded(image.mediaId!)).toEqual(JPEG);
  });

  it('answers a sticker WeChat cannot show kindly', async () => {
    const t = await startTestWechat();
    const ana = await consented(t, ANA);
    await ana.text('【收到不支持的消息类型，暂无法显示】');
    const [reply] = (await t.fake.waitForSent(ANA, 4)).slice(3);
    expect(reply!.text).toBe(zh('core.unsupported', { kind: zh('core.kind.sticker') }));
  });
});
