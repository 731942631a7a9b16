import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { casesCommand } from '../../src/cli/cases-command.js';
import { parseConfig } from '../../src/config.js';
import type { InboundMessage } from '../../src/bot/channel.js';
import { submitWagesApplication } from '../fixtures/wages-application.js';
import { tempDir } from '../helpers/temp-dir.js';
import { resident, testApp } from '../helpers/test-app.js';

async function cases(dataDir: string, ...args: string[]) {
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  const config = parseConfig({ FAYUAN_DATA_DIR: dataDir, LOG_LEVEL: 'silent', PRIVACY_SENSITIVE_CONSENT: 'off', WEB_CHAT: 'off' });
  const code = await casesCommand({ args, stdin: new PassThrough(), stdout, stderr: new PassThrough(), config, shutdown: new AbortController().signal });
  return { code, out };
}

const file = (id: string, fileName: string): InboundMessage => ({
  channel: 'console',
  userId: 'ana',
  address: 'ana',
  messageId: `file-${id}`,
  event: { type: 'user.attachment', attachment: { id: id.repeat(32).slice(0, 32), fileName, mimeType: 'image/jpeg', size: 2048 } },
});

describe('a file sent after a materials request', () => {
  it('is accepted, linked to the case and shown to staff in `fayuan cases show`', async () => {
    const dataDir = tempDir();
    const app = await testApp(dataDir);
    const ana = resident('ana');
    const ref = await submitWagesApplication(app, ana);
    await app.close();

    expect((await cases(dataDir, 'claim', ref, '--by', '王芳')).code).toBe(0);
    expect((await cases(dataDir, 'request-materials', ref, '--by', '王芳', '--docs', 'id_card')).code).toBe(0);

    // A staff channel configured (its Bot API unreachable: only what goes to the outbox is looked at).
    const again = await testApp(dataDir, { TELEGRAM_BOT_TOKEN: '123456:materials', TELEGRAM_STAFF_CHAT_ID: '-100123', TELEGRAM_API_ROOT: 'http://127.0.0.1:9' });
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
