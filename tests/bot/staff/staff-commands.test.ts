import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionResultText, staffCommandReply, type StaffDeps } from '../../../src/bot/staff/staff-commands.js';
import { performCaseAction } from '../../../src/bot/staff/case-actions.js';
import type { Actor } from '../../../src/knowledge/cases/case-lifecycle.js';
import { AttachmentStore } from '../../../src/storage/attachment-store.js';
import { CaseStore } from '../../../src/storage/case-store.js';
import { openStorage } from '../../../src/storage/open-storage.js';
import { DAY, HOUR, NOV22_10AM, TEST_PACK, newCase } from '../../fixtures/cases.js';
import { tempDir } from '../../helpers/temp-dir.js';

const wang: Actor = { kind: 'staff', name: '王芳' };

async function setup() {
  const db = await openStorage(path.join(tempDir(), 'fayuan.sqlite'));
  const cases = new CaseStore(db, TEST_PACK);
  const deps: StaffDeps = { cases, attachments: new AttachmentStore(db), pack: TEST_PACK };
  return { db, cases, deps };
}

describe('staff commands', () => {
  it('/queue lists cases awaiting a decision, urgent first, overdue flagged, with buttons to open them', async () => {
    const { db, cases, deps } = await setup();
    const normal = await cases.createCase(newCase({ at: NOV22_10AM - 10 * DAY }));
    const urgent = await cases.createCase(newCase({ decision: { outcome: 'eligible', urgent: true, sameDay: false } }));
    const reply = await staffCommandReply(deps, '/queue', '王芳', NOV22_10AM);
    const lines = reply!.text.split('\n');
    expect(lines[0]).toContain('待办队列（2）');
    expect(lines[1]).toMatch(new RegExp(`^🔴 紧急 ${urgent.ref}`));
    expect(lines[2]).toContain(normal.ref);
    expect(lines[2]).toContain('已逾期');
    expect(reply!.choices.map((c) => c.id)).toEqual([`staff:show:${urgent.ref}`, `staff:show:${normal.ref}`]);
    await db.close();
  });

  it('/queue says so when nothing is waiting', async () => {
    const { db, deps } = await setup();
    expect((await staffCommandReply(deps, '/queue@fayuan_bot', '王芳', NOV22_10AM))!.text).toContain('没有待决定的案件');
    await db.close();
  });

  it('/case REF shows the card with its history and buttons', async () => {
    const { db, cases, deps } = await setup();
    const { ref } = await cases.createCase(newCase());
    await performCaseAction(deps, ref, { type: 'claim' }, wang, NOV22_10AM + HOUR);
    const reply = await staffCommandReply(deps, `/case ${ref.toLowerCase()}`, '王芳', NOV22_10AM + HOUR);
    expect(reply!.text).toContain('王芳：认领 → 审查中');
    expect(reply!.choices.map((c) => c.id)).toContain(`staff:accept:${ref}`);
    expect((await staffCommandReply(deps, '/case FY-20200101-0001', '王芳', NOV22_10AM))!.text).toContain('找不到案件');
    expect((await staffCommandReply(deps, '/case', '王芳', NOV22_10AM))!.text).toContain('用法：');
    await db.close();
  });

  it('/mine lists the cases the staff member claimed', async () => {
    const { db, cases, deps } = await setup();
    const mine = await cases.createCase(newCase());
    await cases.createCase(newCase());
    await performCaseAction(deps, mine.ref, { type: 'claim' }, wang, NOV22_10AM);
    const reply = await staffCommandReply(deps, '/mine', '王芳', NOV22_10AM);
    expect(reply!.text).toContain('王芳 的案件（1）');
    expect(reply!.text).toContain(mine.ref);
    expect((await staffCommandReply(deps, '/mine', '赵强', NOV22_10AM))!.text).toContain('没有未结案件');
    await db.close();
  });

  it('/stats reports the current month by default and a given month on request', async () => {
    const { db, cases, deps } = await setup();
    await cases.createCase(newCase());
    const now = (await staffCommandReply(deps, '/stats', '王芳', NOV22_10AM))!.text;
    expect(now).toContain('2026-11');
    expect(now).toContain('收到申请：1');
    expect(now).toContain('劳动报酬（欠薪） 1');
    expect((await staffCommandReply(deps, '/stats 2026-10', '王芳', NOV22_10AM))!.text).toContain('收到申请：0');
    expect((await staffCommandReply(deps, '/stats november', '王芳', NOV22_10AM))!.text).toContain('用法：');
    await db.close();
  });

  it('leaves other messages to the adapter', async () => {
    const { db, deps } = await setup();
    expect(await staffCommandReply(deps, 'hello', '王芳', NOV22_10AM)).toBeUndefined();
    await db.close();
  });

  it('tells the second claimer who was first, and the first that the resident was notified', async () => {
    const { db, cases, deps } = await setup();
    const { ref } = await cases.createCase(newCase());
    const first = await performCaseAction(deps, ref, { type: 'claim' }, wang, NOV22_10AM);
    const second = await performCaseAction(deps, ref, { type: 'claim' }, { kind: 'staff', name: '赵强' }, NOV22_10AM);
    expect(actionResultText(first, ref)).toBe(`✅ ${ref}：待认领 → 审查中（王芳）\n已通知申请人`);
    expect(actionResultText(second, ref)).toBe(`${ref} 已由 王芳 认领。`);
    expect(actionResultText(second, ref, 'en')).toBe(`${ref} was already claimed by 王芳.`);
    await db.close();
  });

  it('tells staff when the resident was not notified because chat messages are unsafe', async () => {
    const { db, cases, deps } = await setup();
    const { ref } = await cases.createCase(newCase({ applicant: { relation: 'self', safeToContact: false, chatNotices: false } }));
    const result = await performCaseAction(deps, ref, { type: 'claim' }, wang, NOV22_10AM);
    expect(actionResultText(result, ref)).toContain('未通知申请人');
    await db.close();
  });
});

describe('staff commands naming console staff', () => {
  it('/queue and /case show a case claimed in the console by the display name, not the login name', async () => {
    const { db, cases, deps } = await setup();
    const { ref } = await cases.createCase(newCase());
    await cases.applyTransition(ref, { type: 'claim' }, { kind: 'staff', name: 'wangfang' }, NOV22_10AM + HOUR);
    const accounts = { list: async () => [{ id: 1, username: 'wangfang', displayName: '王芳' }] } as unknown as NonNullable<StaffDeps['accounts']>;
    for (const command of ['/queue', `/case ${ref}`]) {
      const text = (await staffCommandReply({ ...deps, accounts }, command, '李静', NOV22_10AM + HOUR))!.text;
      expect(text, command).toContain('王芳');
      expect(text, command).not.toContain('wangfang');
    }
    await db.close();
  });
});
