import { describe, expect, it } from 'vitest';
import { caseDetailView } from '../../src/staff/case-view.js';
import { caseAwaitingMaterials, fileFromAna, STAFF_GROUP_UNREACHABLE } from '../fixtures/materials-request.js';
import { testApp } from '../helpers/test-app.js';

// Session 17, found by the lead in the web chat: staff asked a worker for materials; he sent a photo and then typed
// "身份证发了，合同没签过…". What he told staff went nowhere: the bot answered it as a question, and the case page
// showed only the photo. After a file for a materials request he can now leave staff a message on the case.

describe('a message for staff after sending materials', () => {
  it('is kept on the case for the staff handling it, who are told; the resident is told where it went', { timeout: 90_000 }, async () => {
    const { dataDir, ref, ana } = await caseAwaitingMaterials();
    const again = await testApp(dataDir, STAFF_GROUP_UNREACHABLE);
    const received = await again.runner.handle(fileFromAna('b', '身份证.jpg'));
    expect(received.replies.at(-1)!.choices.map((c) => c.id)).toEqual(['materials.done', 'materials.more', 'materials.note']);

    const asked = await again.runner.handle(ana.choice('materials.note'));
    expect(asked.replies.map((r) => r.key)).toEqual(['conv.materials.note_ask']);
    const words = '合同没签过，工资都是包工头微信转给我的，截图我明天发';
    const kept = await again.runner.handle(ana.text(words));
    expect(kept.replies.map((r) => r.key)).toEqual(['conv.materials.note_kept']);
    expect(kept.replies[0]!.text).toContain(ref);
    expect(kept.replies.at(-1)!.choices.map((c) => c.id)).toEqual(['materials.done', 'materials.more', 'materials.note']);
    // Staff are told in the same turn (the console refreshes the case; the Telegram group is told), without the words.
    expect(kept.outbound.flatMap((m) => (m.payload.kind === 'staff' ? [m.payload.relay] : []))).toEqual([{ kind: 'case_note', ref }]);
    const notes = await again.repos.staff!.notes.forCase(ref);
    expect(notes.map((n) => ({ text: n.text, author: n.author, accountId: n.accountId }))).toEqual([{ text: words, author: '@resident', accountId: null }]);
    // On the case page: marked as the applicant's words, not as a colleague's note.
    const record = (await again.services.cases.get(ref))!;
    const view = caseDetailView(record, { pack: again.services.pack, now: Date.now(), locale: 'zh-CN', events: [], attachments: [], notes });
    expect(view.notes).toEqual([expect.objectContaining({ fromResident: true, author: null, text: words })]);
    await again.close();
  });

  it('changing one’s mind goes back to sending: what is typed next is not kept for staff', { timeout: 90_000 }, async () => {
    const { dataDir, ref, ana } = await caseAwaitingMaterials();
    const again = await testApp(dataDir);
    await again.runner.handle(fileFromAna('c', '身份证.jpg'));
    expect((await again.runner.handle(ana.choice('materials.note'))).replies.map((r) => r.key)).toEqual(['conv.materials.note_ask']);
    const back = await again.runner.handle(ana.choice('materials.more'));
    expect(back.replies.map((r) => r.key)).toEqual(['conv.materials.more']);
    const typed = await again.runner.handle(ana.text('请问多久能批下来'));
    expect(typed.replies.map((r) => r.key)).not.toContain('conv.materials.note_kept');
    expect(await again.repos.staff!.notes.forCase(ref)).toEqual([]);
    await again.close();
  });
});
