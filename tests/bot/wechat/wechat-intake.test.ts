import { describe, expect, it } from 'vitest';
import { WAGES_APPLICATION } from '../../fixtures/wages-application.js';
import { startTestWechat, zh } from './wechat-fixture.js';

const ANA = 'o-ana-openid';
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)]);
const DOCUMENTS_STEP = WAGES_APPLICATION.indexOf('完成');

describe('an application over WeChat', () => {
  it('runs the whole intake from signed XML posts, replies through the customer-service API, and links a photo to the case', async () => {
    const { fake, app, resident } = await startTestWechat();
    const ana = resident(ANA);
    for (const [i, line] of WAGES_APPLICATION.entries()) {
      if (i === DOCUMENTS_STEP) {
        const answer = await ana.post(ana.message('image', { PicUrl: 'http://mmbiz.example/x.jpg', MediaId: fake.addMedia(JPEG, 'image/jpeg') }));
        expect(answer).toMatchObject({ status: 200, body: 'success' });
        await fake.waitUntil(() => fake.sentTo(ANA).some((m) => m.text === zh('intake.documents.received', { count: '1' })), 5000, () => JSON.stringify(fake.sentTo(ANA).map((m) => m.text.slice(0, 40))));
      }
      const answer = await ana.text(line);
      expect(answer).toMatchObject({ status: 200, body: 'success' });
      expect(answer.ms).toBeLessThan(4000);
    }
    await fake.waitUntil(() => fake.sentTo(ANA).some((m) => /FY-\d{8}-\d{4}/.test(m.text)), 10_000);
    const sent = fake.sentTo(ANA);
    const ref = /FY-\d{8}-\d{4}/.exec(sent.find((m) => /FY-\d{8}-\d{4}/.test(m.text))!.text)![0];
    expect(sent.map((m) => m.text)).toContain(zh('intake.outcome.eligible').replace('{who}', '您'));
    // Every reply went through the customer-service API, none over 2048 bytes.
    for (const m of sent) expect(Buffer.byteLength(m.text, 'utf8')).toBeLessThanOrEqual(2048);
    const record = await app.services.cases.get(ref);
    expect(record).toMatchObject({ category: 'wages', status: 'new' });
    const files = await app.repos.attachments.forCase(ref);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({ mimeType: 'image/jpeg', size: JPEG.length });
    expect(fake.callsTo('/cgi-bin/media/get')).toHaveLength(1);

    // 查询进度 from the account menu shows the case.
    const before = fake.sentTo(ANA).length;
    await ana.post(ana.event('CLICK', { EventKey: 'menu.status' }));
    await fake.waitUntil(() => fake.sentTo(ANA).slice(before).some((m) => m.text.includes(ref)));
  });
});

describe('a voice message while the application asks for documents', () => {
  it('is kept as a document (when the centre accepts audio), not read as an answer', async () => {
    const { fake, app, resident } = await startTestWechat({ env: { ATTACHMENT_TYPES: 'image/jpeg,audio/amr' } });
    const ana = resident(ANA);
    for (const line of WAGES_APPLICATION.slice(0, DOCUMENTS_STEP)) await ana.text(line);
    await fake.waitUntil(() => fake.sentTo(ANA).some((m) => m.text === zh('intake.q.documents')), 10_000);
    const voice = Buffer.from('#!AMR\n recorded statement');
    await ana.post(ana.message('voice', { MediaId: fake.addMedia(voice, 'audio/amr'), Format: 'amr', Recognition: '完成' }));
    await fake.waitUntil(() => fake.sentTo(ANA).some((m) => m.text === zh('intake.documents.received', { count: '1' })));
    // Recognised as "完成" (done), it would have ended the documents step instead.
    await fake.waitUntil(() => false, 200).catch(() => undefined);
    expect(fake.sentTo(ANA).map((m) => m.text)).not.toContain(zh('intake.ask.name.self'));
    const [last] = (await app.repos.conversations.recentTranscript(`wechat:${ANA}`, 40)).filter((e) => e.direction === 'in').slice(-1);
    expect((last!.body as { event: unknown }).event).toMatchObject({ type: 'user.attachment', attachment: { mimeType: 'audio/amr', size: voice.length } });
  });
});
