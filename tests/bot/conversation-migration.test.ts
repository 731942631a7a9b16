import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrateConversation } from '../../src/bot/conversation-migrations.js';
import { CONVERSATION_MACHINE_VERSION } from '../../src/flows/conversation-machine.js';
import { translate } from '../../src/locales/render.js';
import { tempDir } from '../helpers/temp-dir.js';
import { sqliteOf } from '../helpers/sqlite.js';
import { resident, testApp } from '../helpers/test-app.js';

/**
 * A conversation stored by machine version 1 (the release before `changing` was added to the intake), in the middle
 * of an application: wages, for myself, region 示例市本级 answered, the age question on screen. Written by the v1 runner
 * to SQLite and copied here verbatim; never regenerate it with the current code.
 */
const V1 = JSON.parse(readFileSync(path.join(import.meta.dirname, '../fixtures/snapshots/v1-mid-intake.json'), 'utf8')) as {
  key: string;
  machineVersion: string;
  snapshot: unknown;
};

describe('a conversation stored by the previous machine version', () => {
  it('is a version-1 snapshot of an intake at the age question', () => {
    expect(V1.machineVersion).toBe('1');
    expect(CONVERSATION_MACHINE_VERSION).not.toBe('1');
    expect(JSON.stringify(V1.snapshot)).toContain('"step":"age"');
  });

  it('carries on at the question it was at, with the answers given, through to a submitted case', async () => {
    const dir = tempDir();
    const first = await testApp(dir);
    const ana = resident('ana');
    await first.runner.handle(ana.returned());
    await first.close();

    const app = await testApp(dir);
    await sqliteOf(app).run('UPDATE conversations SET machine_version = ?, snapshot = ? WHERE key = ?', [V1.machineVersion, JSON.stringify(V1.snapshot), V1.key]);
    const next = await app.runner.handle(ana.text('45'));
    const texts = next.replies.map((r) => r.text);
    expect(texts).not.toContain(translate('core.updated', 'zh-CN'));
    expect(texts.join('\n')).toContain('残疾');

    let last = next;
    for (const step of [ana.choice('opt:none'), ana.choice('group:migrant_worker'), ana.choice('intake.groups.done'), ana.choice('intake.no_deadline'), ana.choice('intake.no'), ana.choice('intake.continue'), ana.text('包工头欠我两万元工资'), ana.choice('intake.documents.done'), ana.text('张三'), ana.text('13800138000')]) {
      last = await app.runner.handle(step);
    }
    const summary = last.replies.map((r) => r.text).join('\n');
    expect(summary).toContain('劳动报酬（欠薪）');
    expect(summary).toContain('示例市本级');
    expect(summary).toContain('年龄：45');

    // The field the new version added works on the migrated intake: change the age from the summary.
    await app.runner.handle(ana.choice('intake.change'));
    const ask = await app.runner.handle(ana.choice('change:age'));
    expect(ask.replies.map((r) => r.text).join('\n')).toContain('多大');
    await app.close();
  });

  it('restarts (returns undefined) when there is no migration from a version', () => {
    expect(migrateConversation(V1.snapshot, '0-ancient', CONVERSATION_MACHINE_VERSION)).toBeUndefined();
    expect(migrateConversation('not a snapshot', '1', CONVERSATION_MACHINE_VERSION)).toBeUndefined();
  });
});
