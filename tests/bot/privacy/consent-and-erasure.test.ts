import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { App } from '../../../src/bot/app.js';
import type { InboundMessage } from '../../../src/bot/channel.js';
import { translate } from '../../../src/locales/render.js';
import { databaseOf } from '../../../src/storage/open-repositories.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { RecordingSender, resident, testApp } from '../../helpers/test-app.js';

const PHONE = '13812345678';
const ID_NUMBER = '110105199003074512';
const NAME = '王秀英';
const SECRET_LINE = `我叫${NAME}，电话${PHONE}，身份证${ID_NUMBER}`;

/** Every byte under the data folder (database, its journal, attachments), to look for personal data. */
function everything(dir: string): Buffer {
  const parts: Buffer[] = [];
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else parts.push(fs.readFileSync(full));
    }
  };
  walk(dir);
  return Buffer.concat(parts);
}

function found(dir: string, needle: string): boolean {
  const all = everything(dir);
  return all.includes(Buffer.from(needle, 'utf8')) || all.includes(Buffer.from(needle, 'utf16le'));
}

async function checkpoint(app: App) {
  await databaseOf(app.repos)!.exec('PRAGMA wal_checkpoint(TRUNCATE)');
}

describe('before consent nothing the resident sends is kept', () => {
  it('keeps no trace of a name, phone and ID number typed before declining', async () => {
    const dir = tempDir();
    const app = await testApp(dir);
    const ana = resident('ana');
    await app.runner.handle(ana.returned());
    await app.runner.handle(ana.text(SECRET_LINE));
    const declined = await app.runner.handle(ana.choice('consent.decline'));
    expect(declined.replies[0]!.text).toBe(translate('core.consent.declined', 'zh-CN', { hotline: '12348' }));
    await app.runner.handle(ana.text(`再说一次：${PHONE}`));
    // Only the consent state is kept.
    expect(await app.runner.inspect('console', 'ana')).toMatchObject({ value: 'declined', context: { consented: false } });
    expect(await app.repos.conversations.recentTranscript('console:ana', 100)).toEqual([]);
    await app.close();
    for (const needle of [PHONE, ID_NUMBER, NAME]) expect(found(dir, needle), needle).toBe(false);
  });

  it('still answers before consent, from memory', async () => {
    const app = await testApp(tempDir());
    const bo = resident('bo');
    await app.runner.handle(bo.returned());
    const help = await app.runner.handle(bo.command('help'));
    expect(help.replies.length).toBeGreaterThan(0);
    expect(await app.repos.conversations.recentTranscript('console:bo', 100)).toEqual([]);
    await app.close();
  });

  it('keeps the conversation from the moment the resident agrees', async () => {
    const app = await testApp(tempDir());
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
    const app = await testApp(dir);
    const sender = new RecordingSender();
    app.dispatcher.register('console', sender);
    const dee = resident('dee');
    const steps: InboundMessage[] = [
      dee.returned(), dee.choice('consent.agree'), dee.choice('menu.apply'), dee.choice('catgroup:wages'), dee.choice('opt:self'),
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
    expect(found(dir, PHONE)).toBe(true);

    await app.runner.handle(dee.command('delete'));
    await app.runner.handle(dee.choice('privacy.erase.yes'));
    await app.dispatcher.stop();
    expect(await app.repos.conversations.recentTranscript('console:dee', 100)).toEqual([]);
    expect((await app.repos.outbox.pendingOutboxFor('console:dee')).every((m) => !JSON.stringify(m.payload).includes(PHONE))).toBe(true);
    expect(fs.existsSync(path.join(app.config.attachmentsDir, fileId))).toBe(false);
    await app.close();
    for (const needle of [PHONE, NAME, '包工头欠我两万元工资']) expect(found(dir, needle), needle).toBe(false);
  });

  it('keeps the records when the resident says no', async () => {
    const app = await testApp(tempDir());
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
