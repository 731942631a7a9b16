import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { casesCommand } from '../../src/cli/cases-command.js';
import { caseDetailView } from '../../src/staff/case-view.js';
import { parseConfig } from '../../src/config.js';
import type { InboundMessage } from '../../src/bot/channel.js';
import { submitWagesApplication } from '../fixtures/wages-application.js';
import { tempDir } from '../helpers/temp-dir.js';
import { resident, testApp } from '../helpers/test-app.js';

// Session 17, found by the lead in the web chat: staff asked a worker for materials; he sent a photo and then typed
// "身份证发了，合同没签过…". What he told staff went nowhere: the bot answered it as a question, and the case page
// showed only the photo. After a file for a materials request he can now leave staff a message on the case.

async function cases(dataDir: string, ...args: string[]) {
  const config = parseConfig({ FAYUAN_DATA_DIR: dataDir, LOG_LEVEL: 'silent', PRIVACY_SENSITIVE_CONSENT: 'off', WEB_CHAT: 'off' });
  const code = await casesCommand({ args, stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough(), config, shutdown: new AbortController().signal });
  expect(code).toBe(0);
}

const file = (id: string, fileName: string): InboundMessage => ({
  channel: 'console',
  userId: 'ana',
  address: 'ana',
  messageId: `file-${id}`,
  event: { type: 'user.attachment', attachment: { id: id.repeat(32).slice(0, 32), fileName, mimeType: 'image/jpeg', size: 2048 } },
});

describe('a message for staff after sending materials', () => {
  it('is kept on the case for the staff handling it, who are told; the resident is told where it went', { timeout: 90_000 }, async () => {
    const dataDir = tempDir();
    const app = await testApp(dataDir);
    const ana = resident('ana');
    const ref = await submitWagesApplication(app, ana);
    await app.close();
    await cases(dataDir, 'claim', ref, '--by', '王芳');
    await cases(dataDir, 'request-materials', ref, '--by', '王芳', '--docs', 'id_card');

    // A staff channel configured (its Bot API unreachable: only what goes to the outbox is looked at).
    const again = await testApp(dataDir, { TELEGRAM_BOT_TOKEN: '123456:materials', TELEGRAM_STAFF_CHAT_ID: '-100123', TELEGRAM_API_ROOT: 'http://127.0.0.1:9' });
    const received = await again.runner.handle(file('b', '身份证.jpg'));
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

  it('changing one’s mind about the message goes back to sending, and nothing is kept', { timeout: 90_000 }, async () => {
    const dataDir = tempDir();
    const app = await testApp(dataDir);
    const ana = resident('ana');
    const ref = await submitWagesApplication(app, ana);
    await app.close();
    await cases(dataDir, 'claim', ref, '--by', '王芳');
    await cases(dataDir, 'request-materials', ref, '--by', '王芳', '--docs', 'id_card');

    const again = await testApp(dataDir);
    await again.runner.handle(file('c', '身份证.jpg'));
    await again.runner.handle(ana.choice('materials.note'));
    const back = await again.runner.handle(ana.choice('materials.more'));
    expect(back.replies.map((r) => r.key)).toEqual(['conv.materials.more']);
    expect(await again.repos.staff!.notes.forCase(ref)).toEqual([]);
    await again.close();
  });
});
