import { describe, expect, it } from 'vitest';
import { caseAwaitingMaterials, casesCli as cases, fileFromAna as file, STAFF_GROUP_UNREACHABLE } from '../fixtures/materials-request.js';
import { tempDir } from '../helpers/temp-dir.js';
import { resident, testApp } from '../helpers/test-app.js';

describe('a file sent after a materials request', () => {
  it('is accepted, linked to the case and shown to staff in `fayuan cases show`', async () => {
    const { dataDir, ref, ana } = await caseAwaitingMaterials();
    const again = await testApp(dataDir, STAFF_GROUP_UNREACHABLE);
    const received = await again.runner.handle(file('b', '身份证.jpg'));
    // Staff are told, in the same turn: the file, with the case it belongs to.
    expect(received.outbound.flatMap((m) => (m.payload.kind === 'staff' ? [m.payload.relay] : []))).toEqual([
      expect.objectContaining({ kind: 'materials_received', ref, attachment: expect.objectContaining({ fileName: '身份证.jpg' }) }),
    ]);
    const text = received.replies.map((r) => r.text).join('\n');
    expect(text).not.toContain('现在还不需要提交材料');
    expect(text).toContain(ref);
    expect(text).toContain('工作人员');
    // Done or send more, not the main menu (session 8).
    expect(received.replies.map((r) => r.key)).not.toContain('core.menu');
    expect(received.replies.at(-1)!.choices.map((c) => c.label)).toEqual(['完成', '继续发送', '给工作人员留言']);
    const more = await again.runner.handle(ana.choice('materials.more', 'after-more'));
    expect(more.replies.map((r) => r.key)).toEqual(['conv.materials.more']);
    expect(more.replies.at(-1)!.choices.map((c) => c.id)).toEqual(['materials.done']);
    const second = await again.runner.handle(file('d', '户口本.jpg'));
    expect(second.replies.map((r) => r.text).join('\n')).toContain('2');
    expect(second.replies.map((r) => r.key)).not.toContain('core.menu');
    const done = await again.runner.handle(ana.choice('materials.done', 'after-done'));
    expect(done.replies.map((r) => r.key)).toEqual(['conv.materials.done', 'core.menu']);
    expect((await again.repos.attachments.forCase(ref)).map((f) => f.fileName).sort()).toEqual(['户口本.jpg', '身份证.jpg'].sort());
    await again.close();

    const shown = await cases(dataDir, 'show', ref);
    expect(shown.out).toContain('身份证.jpg');
  });

  it('is still declined, kindly and with buttons, when no case awaits materials', async () => {
    const app = await testApp(tempDir());
    const ana = resident('ana');
    await app.runner.handle(ana.returned());
    await app.runner.handle(ana.choice('consent.agree'));
    const reply = await app.runner.handle(file('c', 'photo.jpg'));
    expect(reply.replies.map((r) => r.text).join('\n')).toContain('现在还不需要提交材料');
    expect(reply.replies.at(-1)!.choices.length).toBeGreaterThan(0);
    await app.close();
  });
});
