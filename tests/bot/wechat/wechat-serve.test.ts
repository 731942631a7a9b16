import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { translate } from '../../../src/locales/render.js';
import { WAGES_APPLICATION } from '../../fixtures/wages-application.js';
import { BIN, runCli } from '../../helpers/cli-process.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { APP_ID, APP_SECRET, startFake, TOKEN } from './wechat-fixture.js';

const ANA = 'o-ana-serve';

describe('fayuan serve with WeChat configured', () => {
  it('takes an application over the callback and delivers a staff notice written by `fayuan cases claim`', async () => {
    const fake = await startFake();
    const dir = tempDir();
    const env = { FAYUAN_DATA_DIR: dir, LOG_LEVEL: 'silent', WECHAT_TOKEN: TOKEN, WECHAT_APP_ID: APP_ID, WECHAT_APP_SECRET: APP_SECRET, WECHAT_API_ROOT: fake.url };
    const child = spawn(process.execPath, [BIN, 'serve'], { env: { ...process.env, ...env, PORT: '0', TELEGRAM_BOT_TOKEN: '', CONSOLE_CHAT: 'off' } });
    try {
      let stdout = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL printed:\n${stdout}`)), 30_000);
        child.stdout.on('data', () => {
          const match = /web chat on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout);
          if (match) {
            clearTimeout(timer);
            resolve(match[1]!);
          }
        });
      });
      const ana = fake.resident(ANA, `${url}wechat`, TOKEN);
      for (const line of WAGES_APPLICATION) expect((await ana.text(line)).body).toBe('success');
      await fake.waitUntil(() => fake.sentTo(ANA).some((m) => /FY-\d{8}-\d{4}/.test(m.text)), 15_000);
      const ref = /FY-\d{8}-\d{4}/.exec(fake.sentTo(ANA).find((m) => /FY-\d{8}-\d{4}/.test(m.text))!.text)![0];

      const before = fake.sentTo(ANA).length;
      const claim = await runCli(['cases', 'claim', ref, '--by', '王芳'], '', env);
      expect(claim.code).toBe(0);
      // The running bot reads the outbox every few seconds and sends the notice through WeChat.
      // The notice up to its due date, which depends on today.
      const claimed = translate('case.notice.claimed', 'zh-CN', { ref, due: '\u0000' }).split('\u0000')[0]!;
      await fake.waitUntil(() => fake.sentTo(ANA).slice(before).some((m) => m.text.startsWith(claimed)), 15_000, () => 'the claim notice');
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 90_000);
});
