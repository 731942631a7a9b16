import { describe, expect, it } from 'vitest';
import { resident } from '../helpers/test-app.js';
import { until } from '../helpers/until.js';
import { Client, consoleFixture } from './console-fixture.js';

async function liveConversation(lang: string) {
  const f = await consoleFixture([{ username: 'wangfang', role: 'staff' }]);
  const client = new Client(f.url, lang);
  await client.login('wangfang');
  const r = resident('u-refused-file');
  await f.app.runner.handle(r.text('你好'));
  await f.app.runner.handle(r.choice('consent.agree'));
  await f.app.runner.handle(r.text('转人工'));
  const waiting = await until(async () => ((await client.request('GET', '/api/live')).body.conversations as { id: string }[])[0]);
  const send = async (data: Blob, name: string) => {
    const form = new FormData();
    form.append('file', data, name);
    const sent = await fetch(`${f.url}/api/live/${waiting.id}/files`, { method: 'POST', headers: { Cookie: client.cookie, 'X-CSRF-Token': client.csrf, 'Accept-Language': lang }, body: form });
    return { status: sent.status, message: String(((await sent.json()) as { error: { message: string } }).error.message) };
  };
  return send;
}

describe('a file the console refuses to send to a resident', () => {
  it('says in words which files can be sent, not the field name "type"', async () => {
    const send = await liveConversation('zh-CN');
    const word = await send(new Blob(['PK\u0003\u0004'], { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }), '起诉状.docx');
    expect(word.status).toBe(422);
    expect(word.message).not.toMatch(/\btype\b/);
    expect(word.message).toContain('PDF');
    expect(word.message).toContain('起诉状.docx');
    // A file whose contents are not what its name says (a renamed file) is told apart from a wrong kind.
    const fake = await send(new Blob(['not really a pdf'], { type: 'application/pdf' }), '安全计划.pdf');
    expect(fake.status).toBe(422);
    expect(fake.message).not.toMatch(/\btype\b/);
    expect(fake.message).toContain('PDF');
  });

  it('says the size limit in megabytes when the file is too large, in English for an English console', async () => {
    const send = await liveConversation('en');
    const big = await send(new Blob([new Uint8Array(11 * 1024 * 1024)], { type: 'application/pdf' }), 'scan.pdf');
    expect(big.status).toBe(422);
    expect(big.message).not.toMatch(/: size$/);
    expect(big.message).toContain('10 MB');
  });
});
