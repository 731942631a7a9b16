import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../../src/bot/app.js';
import { createCaseLinkService } from '../../../src/bot/case-link-service.js';
import { OutboxFileSmsSender, readSmsOutbox } from '../../../src/bot/sms/outbox-file-sms-sender.js';
import { LINK_CODE_TTL_MS } from '../../../src/knowledge/cases/case-link-rules.js';
import { translate } from '../../../src/locales/render.js';
import { notifyResident } from '../../../src/staff/case-notifications.js';
import { CaseLinkStore } from '../../../src/storage/case-link-store.js';
import { databaseOf } from '../../../src/storage/open-repositories.js';
import { WAGES_APPLICATION } from '../../fixtures/wages-application.js';
import { newCase } from '../../fixtures/cases.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { resident, testApp } from '../../helpers/test-app.js';

const HOTLINE = '12348';
const zh = (key: string, params: Record<string, string> = {}) => translate(key, 'zh-CN', params);

let app: App | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** An app whose texts go to an outbox file; a wages application made on "device A" (console user `ana`). */
async function appWithCase() {
  const dir = tempDir();
  const outbox = path.join(tempDir(), 'sms.jsonl');
  app = await testApp(dir, { SMS_OUTBOX_FILE: outbox });
  const ana = resident('ana');
  let last = '';
  for (const line of WAGES_APPLICATION) last += (await app.runner.handle(ana.text(line))).replies.map((r) => r.text).join('\n');
  const ref = /FY-\d{8}-\d{4}/.exec(last)?.[0];
  expect(ref).toBeDefined();
  return { app, dir, outbox, ref: ref! };
}

/** A resident on a new device: consented, and asking 查询进度. */
async function newDevice(a: App, userId: string) {
  const device = resident(userId);
  await a.runner.handle(device.text('你好'));
  await a.runner.handle(device.text('同意'));
  const status = await a.runner.handle(device.choice('menu.status'));
  return { device, statusTexts: status.replies.map((r) => r.text) };
}

const texts = (result: { replies: { text: string }[] }) => result.replies.map((r) => r.text);

async function waitForTexts(file: string, count: number) {
  for (let i = 0; i < 200; i++) {
    const sent = await readSmsOutbox(file);
    if (sent.length >= count) return sent;
    await new Promise((r) => setTimeout(r, 10));
  }
  return readSmsOutbox(file);
}

const codeIn = (text: string) => /\d{6}/.exec(text)![0];

describe('reaching a case from another device with a one-time code', () => {
  it('links the case to a second device that types the texted code: it sees the status and gets the notices', async () => {
    const { app: a, outbox, ref } = await appWithCase();
    const { device: bo, statusTexts } = await newDevice(a, 'bo');
    expect(statusTexts[0]).toBe(zh('case.status.none', { hotline: HOTLINE }));

    const asked = await a.runner.handle(bo.text(ref.toLowerCase()));
    expect(texts(asked)[0]).toBe(zh('caselink.sent', { ref, hotline: HOTLINE }));
    const [sms] = await waitForTexts(outbox, 1);
    expect(sms!.to).toBe('13800138000');
    expect(sms!.text).toContain(ref);

    const linked = await a.runner.handle(bo.text(` ${codeIn(sms!.text)} `));
    expect(texts(linked)[0]).toBe(zh('caselink.linked', { ref }));
    // Its status follows at once.
    expect(texts(linked)[1]).toBe(translate('case.status.header', 'zh-CN', { count: 1 }));
    expect(texts(linked)[2]).toContain(ref);

    // 查询进度 on the new device lists it now.
    const again = texts(await a.runner.handle(bo.choice('menu.status'))).join('\n');
    expect(again).toContain(ref);
    expect(again).not.toContain(zh('case.status.none', { hotline: HOTLINE }));

    // Typing its reference again now shows its status: no code.
    const own = texts(await a.runner.handle(bo.text(ref)));
    expect(own[0]).toBe(translate('case.status.header', 'zh-CN', { count: 1 }));
    expect(await readSmsOutbox(outbox)).toHaveLength(1);

    // A staff decision's notice goes to the new device's conversation.
    await a.services.cases.applyTransition(ref, { type: 'claim' }, { kind: 'staff', name: 'li' }, Date.now());
    const result = await a.services.cases.applyTransition(ref, { type: 'request_materials', documents: ['身份证'] }, { kind: 'staff', name: 'li' }, Date.now(), {
      outbound: notifyResident(a.services.pack),
    });
    if (!result.ok) throw new Error(result.reason);
    expect(result.outbox.length).toBeGreaterThan(0);
    for (const m of result.outbox) expect({ key: m.conversationKey, address: m.address }).toEqual({ key: 'console:bo', address: 'bo' });

    // The code is used once: typing it again on a third device does nothing.
    const { device: cy } = await newDevice(a, 'cy');
    await a.runner.handle(cy.text(ref));
    const reused = await a.runner.handle(cy.text(codeIn(sms!.text)));
    expect(texts(reused)[0]).not.toBe(zh('caselink.linked', { ref }));
  });

  it('gives the same reply for a reference that does not exist, and texts nobody', async () => {
    const { app: a, outbox, ref } = await appWithCase();
    const { device: bo } = await newDevice(a, 'bo');
    const unknown = ref.replace(/\d{4}$/, '9999');
    const real = texts(await a.runner.handle(bo.text(ref)))[0]!;
    const { device: cy } = await newDevice(a, 'cy');
    const fake = texts(await a.runner.handle(cy.text(unknown)))[0]!;
    expect(fake.replace(unknown, '#')).toBe(real.replace(ref, '#'));
    await waitForTexts(outbox, 2);
    expect((await readSmsOutbox(outbox)).map((s) => s.text.includes(ref))).toEqual([true]);
    // And guessing codes for it ends the same way as for a real one: locked after five.
    const replies: string[] = [];
    for (let i = 0; i < 5; i++) replies.push(texts(await a.runner.handle(cy.text('000000')))[0]!);
    expect(replies.at(-1)).toBe(zh('caselink.locked', { hotline: HOTLINE }));
  });

  it('locks the reference after five wrong codes: even the right code is refused then', async () => {
    const { app: a, outbox, ref } = await appWithCase();
    const { device: bo } = await newDevice(a, 'bo');
    await a.runner.handle(bo.text(ref));
    const code = codeIn((await waitForTexts(outbox, 1))[0]!.text);
    const wrong = code === '111111' ? '222222' : '111111';
    for (let i = 0; i < 4; i++) expect(texts(await a.runner.handle(bo.text(wrong)))[0]).toBe(zh('caselink.wrong'));
    expect(texts(await a.runner.handle(bo.text(wrong)))[0]).toBe(zh('caselink.locked', { hotline: HOTLINE }));
    // Asking again while locked texts nothing new; the right code is refused.
    await a.runner.handle(bo.text(ref));
    const refused = texts(await a.runner.handle(bo.text(code)))[0];
    expect(refused).toBe(zh('caselink.locked', { hotline: HOTLINE }));
    expect(await readSmsOutbox(outbox)).toHaveLength(1);
    expect((await a.services.cases.get(ref))!.conversationKey).toBe('console:ana');
  });

  it('refuses an expired code, keeps only a hash of it, and never logs it', async () => {
    const dir = tempDir();
    const outbox = path.join(dir, 'sms.jsonl');
    const logFile = path.join(dir, 'log.jsonl');
    const { app: a, ref } = await appWithCase();
    const logger = pino({ level: 'trace' }, pino.destination({ dest: logFile, sync: true }));
    let clock = Date.now();
    const links = new CaseLinkStore(databaseOf(a.repos)!);
    const service = createCaseLinkService({
      links,
      cases: a.services.cases,
      sms: new OutboxFileSmsSender(outbox),
      hotline: HOTLINE,
      logger,
      whereIs: async () => ({ channel: 'console', address: 'dee' }),
      statusReplies: async () => [],
      now: () => clock,
    });
    expect((await service.requestCode({ conversationKey: 'console:dee', ref })).replies[0]!.key).toBe('caselink.sent');
    const code = codeIn((await waitForTexts(outbox, 1))[0]!.text);
    const stored = JSON.stringify(await links.get(ref));
    expect(stored).not.toContain(`"${code}"`);

    clock += LINK_CODE_TTL_MS + 1;
    const late = await service.verifyCode({ conversationKey: 'console:dee', ref, code });
    expect(late.replies[0]!.key).toBe('caselink.expired');
    expect((await a.services.cases.get(ref))!.conversationKey).toBe('console:ana');

    // A fresh code works, once.
    await service.requestCode({ conversationKey: 'console:dee', ref });
    const fresh = codeIn((await waitForTexts(outbox, 2))[1]!.text);
    expect((await service.verifyCode({ conversationKey: 'console:dee', ref, code: fresh })).replies[0]!.key).toBe('caselink.linked');
    expect((await service.verifyCode({ conversationKey: 'console:dee', ref, code: fresh })).replies[0]!.key).toBe('caselink.expired');
    expect((await a.services.cases.get(ref))!.conversationKey).toBe('console:dee');
    // Staff see it in the case's history.
    expect((await a.services.cases.events(ref)).at(-1)).toMatchObject({ action: 'relink', actor: { kind: 'resident' } });

    const log = fs.readFileSync(logFile, 'utf8');
    expect(log).toContain('case linked');
    for (const secret of [code, fresh, '13800138000']) expect(log).not.toContain(secret);
  });

  it('texts nobody when the application said not to contact that phone (the same reply)', async () => {
    const dir = tempDir();
    const outbox = path.join(dir, 'sms.jsonl');
    app = await testApp(dir, { SMS_OUTBOX_FILE: outbox });
    const a = app;
    const quiet = await a.services.cases.createCase(newCase({ applicant: { phone: '13911112222', relation: 'self', safeToContact: false } }));
    const open = await a.services.cases.createCase(newCase({ applicant: { phone: '13933334444', relation: 'self', safeToContact: true } }));
    const { device: bo } = await newDevice(a, 'bo');
    const toQuiet = texts(await a.runner.handle(bo.text(quiet.ref)))[0]!;
    const { device: cy } = await newDevice(a, 'cy');
    const toOpen = texts(await a.runner.handle(cy.text(open.ref)))[0]!;
    expect(toQuiet.replace(quiet.ref, '#')).toBe(toOpen.replace(open.ref, '#'));
    await waitForTexts(outbox, 2);
    expect((await readSmsOutbox(outbox)).map((s) => s.to)).toEqual(['13933334444']);
  });
});
