import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { App } from '../../../src/bot/app.js';
import type { InboundMessage } from '../../../src/bot/channel.js';
import { translate } from '../../../src/locales/render.js';
import { databaseOf } from '../../../src/storage/open-repositories.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { RecordingSender, resident, testApp } from '../../helpers/test-app.js';
import { readableInFolder } from '../../helpers/data-folder-bytes.js';

/** The lawful setting for a deployment (.env.example): a separate consent before sensitive questions. */
const SENSITIVE = { PRIVACY_SENSITIVE_CONSENT: 'on' };
const PHONE = '13812345678';
const ID_NUMBER = '110105199003074512';
const NAME = '王秀英';
const SECRET_LINE = `我叫${NAME}，电话${PHONE}，身份证${ID_NUMBER}`;


async function checkpoint(app: App) {
  await databaseOf(app.repos)!.exec('PRAGMA wal_checkpoint(TRUNCATE)');
}

describe('before consent nothing the resident sends is kept', () => {
  it('keeps no trace of a name, phone and ID number typed before declining', async () => {
    const dir = tempDir();
    const app = await testApp(dir, SENSITIVE);
    const ana = resident('ana');
    await app.runner.handle(ana.returned());
    await app.runner.handle(ana.text(SECRET_LINE));
    const declined = await app.runner.handle(ana.choice('consent.decline'));
    expect(declined.replies[0]!.text).toBe(translate('core.consent.declined', 'zh-CN', { hotline: '12348' }));
    await app.runner.handle(ana.text(`再说一次：${PHONE}`));
    // Only the consent state is kept (a message after declining is read as before agreeing, session 10: still not agreed).
    expect(await app.runner.inspect('console', 'ana')).toMatchObject({ context: { consented: false } });
    expect(await app.repos.conversations.recentTranscript('console:ana', 100)).toEqual([]);
    await app.close();
    for (const needle of [PHONE, ID_NUMBER, NAME]) expect(readableInFolder(dir, needle), needle).toBe(false);
  });

  // Session 4: a story told before agreeing is taken up once the resident agrees, so it lives in the running conversation.
  it('keeps a story told before agreeing only in memory: never written, gone when the resident declines', async () => {
    const dir = tempDir();
    const app = await testApp(dir, SENSITIVE);
    const dee = resident('dee');
    await app.runner.handle(dee.returned());
    const told = await app.runner.handle(dee.text(`老板跑路了，我干了半年的活钱一分没拿到。${SECRET_LINE}`));
    expect(told.replies.map((r) => r.key)).toContain('core.consent.remind_story');
    const stored = await app.repos.conversations.load('console:dee');
    for (const needle of [PHONE, NAME, '老板跑路']) expect(JSON.stringify(stored), needle).not.toContain(needle);
    await app.runner.handle(dee.choice('consent.decline'));
    await app.close();
    for (const needle of [PHONE, ID_NUMBER, NAME]) expect(readableInFolder(dir, needle), needle).toBe(false);
  });

  it('goes on with the story once the resident agrees, and keeps it from then', async () => {
    const app = await testApp(tempDir(), SENSITIVE);
    const eve = resident('eve');
    await app.runner.handle(eve.returned());
    await app.runner.handle(eve.text('老板跑路了，我干了半年的活钱一分没拿到'));
    const agreed = await app.runner.handle(eve.choice('consent.agree'));
    expect(agreed.replies.map((r) => r.key)).toEqual(['privacy.sensitive.ask']);
    expect(await app.runner.inspect('console', 'eve')).toMatchObject({ context: { consented: true, pendingCategory: 'wages' } });
    await app.close();
  });

  it('still answers before consent, from memory', async () => {
    const app = await testApp(tempDir(), SENSITIVE);
    const bo = resident('bo');
    await app.runner.handle(bo.returned());
    const help = await app.runner.handle(bo.command('help'));
    expect(help.replies.length).toBeGreaterThan(0);
    expect(await app.repos.conversations.recentTranscript('console:bo', 100)).toEqual([]);
    await app.close();
  });

  it('keeps the conversation from the moment the resident agrees', async () => {
    const app = await testApp(tempDir(), SENSITIVE);
    const cy = resident('cy');
    await app.runner.handle(cy.returned());
    await app.runner.handle(cy.choice('consent.agree'));
    await app.runner.handle(cy.text('老板欠我工资'));
    const lines = await app.repos.conversations.recentTranscript('console:cy', 100);
    expect(lines.some((l) => JSON.stringify(l.body).includes('老板欠我工资'))).toBe(true);
    await app.close();
  });
});

describe('erasure', () => {
  it('removes the transcript, the outbox rows and the files of an unsubmitted application, leaving nothing to find', async () => {
    const dir = tempDir();
    const app = await testApp(dir, SENSITIVE);
    const sender = new RecordingSender();
    app.dispatcher.register('console', sender);
    const dee = resident('dee');
    const steps: InboundMessage[] = [
      dee.returned(), dee.choice('consent.agree'), dee.choice('menu.apply'), dee.choice('privacy.sensitive.agree'), dee.choice('catgroup:wages'), dee.choice('opt:self'),
      dee.choice('opt:demo-city'), dee.text('45'), dee.choice('opt:none'), dee.choice('group:migrant_worker'), dee.choice('intake.groups.done'),
      dee.choice('intake.no_deadline'), dee.choice('intake.no'), dee.choice('intake.continue'), dee.text(`包工头欠我两万元工资，我的电话是${PHONE}`),
    ];
    for (const step of steps) await app.runner.handle(step);
    const fileId = 'c'.repeat(32);
    fs.mkdirSync(app.config.attachmentsDir, { recursive: true });
    fs.writeFileSync(path.join(app.config.attachmentsDir, fileId), `欠条 ${PHONE}`);
    await app.runner.handle({
      channel: 'console', userId: 'dee', address: 'dee', messageId: 'file-1',
      event: { type: 'user.attachment', attachment: { id: fileId, fileName: '欠条.jpg', mimeType: 'image/jpeg', size: 20 } },
    });
    await app.runner.handle(dee.text(NAME));
    await checkpoint(app);
    // Kept (sealed at rest, see tests/storage/encryption-at-rest.test.ts) until the erasure.
    expect(JSON.stringify(await app.repos.conversations.recentTranscript('console:dee', 100))).toContain(PHONE);

    await app.runner.handle(dee.command('delete'));
    await app.runner.handle(dee.choice('privacy.erase.yes'));
    await app.dispatcher.stop();
    expect(await app.repos.conversations.recentTranscript('console:dee', 100)).toEqual([]);
    expect((await app.repos.outbox.pendingOutboxFor('console:dee')).every((m) => !JSON.stringify(m.payload).includes(PHONE))).toBe(true);
    expect(fs.existsSync(path.join(app.config.attachmentsDir, fileId))).toBe(false);
    await app.close();
    for (const needle of [PHONE, NAME, '包工头欠我两万元工资']) expect(readableInFolder(dir, needle), needle).toBe(false);
  });

  it('keeps the records when the resident says no', async () => {
    const app = await testApp(tempDir(), SENSITIVE);
    const eve = resident('eve');
    await app.runner.handle(eve.returned());
    await app.runner.handle(eve.choice('consent.agree'));
    await app.runner.handle(eve.text('我想问问工伤'));
    await app.runner.handle(eve.command('delete'));
    await app.runner.handle(eve.choice('privacy.erase.no'));
    const lines = await app.repos.conversations.recentTranscript('console:eve', 100);
    expect(lines.some((l) => JSON.stringify(l.body).includes('我想问问工伤'))).toBe(true);
    await app.close();
  });
});

describe('a separate consent before the sensitive questions (PIPL art. 29)', () => {
  it('says why before the application asks anything, and asks nothing sensitive when declined', async () => {
    const app = await testApp(tempDir(), SENSITIVE);
    const fay = resident('fay');
    await app.runner.handle(fay.returned());
    await app.runner.handle(fay.choice('consent.agree'));
    const asked = await app.runner.handle(fay.choice('menu.apply'));
    expect(asked.replies.map((r) => r.text)).toEqual([translate('privacy.sensitive.ask', 'zh-CN')]);
    expect(asked.replies[0]!.text).toContain('第二十九条');
    const declined = await app.runner.handle(fay.choice('privacy.sensitive.decline'));
    expect(declined.replies[0]!.text).toBe(translate('privacy.sensitive.declined', 'zh-CN', { hotline: '12348' }));
    expect(declined.replies.some((r) => r.text === translate('intake.q.category', 'zh-CN'))).toBe(false);
    const again = await app.runner.handle(fay.choice('menu.apply'));
    expect(again.replies[0]!.text).toBe(translate('privacy.sensitive.ask', 'zh-CN'));
    await app.close();
  });

  it('asks once: after agreeing, a second application starts at its first question', async () => {
    const app = await testApp(tempDir(), SENSITIVE);
    const gil = resident('gil');
    await app.runner.handle(gil.returned());
    await app.runner.handle(gil.choice('consent.agree'));
    await app.runner.handle(gil.choice('menu.apply'));
    const started = await app.runner.handle(gil.text('同意'));
    expect(started.replies.at(-1)!.text).toBe(translate('intake.q.category', 'zh-CN'));
    await app.runner.handle(gil.command('restart'));
    const second = await app.runner.handle(gil.choice('menu.apply'));
    expect(second.replies.map((r) => r.text)).not.toContain(translate('privacy.sensitive.ask', 'zh-CN'));
    expect(second.replies.at(-1)!.text).toBe(translate('intake.q.category', 'zh-CN'));
    await app.close();
  });
});

describe('a submitted application after erasure', () => {
  it('is kept as the centre\'s record, and the resident may withdraw it while undecided', async () => {
    const dir = tempDir();
    const app = await testApp(dir, SENSITIVE);
    const hal = resident('hal');
    const steps: InboundMessage[] = [
      hal.returned(), hal.choice('consent.agree'), hal.choice('menu.apply'), hal.choice('privacy.sensitive.agree'), hal.choice('catgroup:wages'),
      hal.choice('opt:self'), hal.choice('opt:demo-city'), hal.text('45'), hal.choice('opt:none'), hal.choice('group:migrant_worker'),
      hal.choice('intake.groups.done'), hal.choice('intake.no_deadline'), hal.choice('intake.no'), hal.choice('intake.continue'),
      hal.text('包工头欠我两万元工资'), hal.choice('intake.documents.done'), hal.text(NAME), hal.text(PHONE),
    ];
    for (const step of steps) await app.runner.handle(step);
    const receipt = await app.runner.handle(hal.choice('intake.confirm'));
    const ref = /FY-\d{8}-\d{4}/.exec(receipt.replies.map((r) => r.text).join('\n'))![0];
    await app.runner.handle(hal.command('delete'));
    await app.runner.handle(hal.choice('privacy.erase.yes'));
    const cases = app.repos.cases();
    expect((await cases.get(ref))?.status).toBe('new');

    await app.runner.handle(hal.choice('consent.agree'));
    const status = await app.runner.handle(hal.choice('menu.status'));
    const withdraw = status.replies.flatMap((r) => r.choices).find((c) => c.id === `withdraw:${ref}`);
    expect(withdraw?.label).toBe(translate('privacy.withdraw.choice', 'zh-CN', { ref }));
    const confirm = await app.runner.handle(hal.choice(`withdraw:${ref}`));
    expect(confirm.replies[0]!.text).toBe(translate('privacy.withdraw.confirm', 'zh-CN', { ref }));
    const done = await app.runner.handle(hal.choice(`withdraw.confirm:${ref}`));
    expect(done.replies[0]!.text).toBe(translate('case.notice.withdrawn', 'zh-CN', { ref }));
    expect(done.replies[1]!.text).toBe(translate('privacy.withdraw.kept', 'zh-CN', { years: '5' }));
    expect((await cases.get(ref))?.status).toBe('withdrawn');
    // Another resident cannot withdraw it.
    const ivy = resident('ivy');
    await app.runner.handle(ivy.returned());
    await app.runner.handle(ivy.choice('consent.agree'));
    const refused = await app.runner.handle(ivy.choice(`withdraw.confirm:${ref}`));
    expect(refused.replies[0]!.text).toBe(translate('privacy.withdraw.not_allowed', 'zh-CN', { hotline: '12348' }));
    await app.close();
  });
});
