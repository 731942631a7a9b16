import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeTelegramApi } from '../../helpers/fake-telegram-api.js';
import { BIN, runCli } from '../../helpers/cli-process.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { RESIDENT, STAFF_CHAT, WAGES_APPLICATION, WANG, residentSays, staffMessages } from './staff-telegram-fixture.js';

const TOKEN = '123456:TEST-serve_abcdefghijklmnopqrstuvwxyz';
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('fayuan serve with a Telegram staff group', () => {
  it('posts new cases to the staff group and delivers notices written by `fayuan cases` from another process', async () => {
    const fake = await FakeTelegramApi.start(TOKEN);
    cleanups.push(() => fake.close());
    const env = {
      FAYUAN_DATA_DIR: tempDir(),
      WEB_CHAT: 'off',
      CONSOLE_CHAT: 'off',
      STAFF_PORT: '0',
      LOG_LEVEL: 'silent',
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: fake.url,
      TELEGRAM_STAFF_CHAT_ID: String(STAFF_CHAT),
      TELEGRAM_STAFF_USER_IDS: String(WANG.id),
    };
    const child = spawn(process.execPath, [BIN, 'serve'], { env: { ...process.env, ...env } });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    cleanups.push(async () => {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    });
    await fake.waitUntil(() => fake.callsTo('getUpdates').length > 0, 30_000, () => 'serve to start polling');

    await residentSays(fake, RESIDENT, WAGES_APPLICATION);
    const ref = fake.texts(RESIDENT).join('\n').match(/FY-\d{8}-\d{4}/)![0];
    await fake.waitUntil(() => staffMessages(fake, `${ref} · `).length === 1);

    const before = fake.sent(RESIDENT).length;
    const claim = await runCli(['cases', 'claim', ref, '--by', '王芳'], '', env);
    expect(claim.code).toBe(0);
    const [notice] = (await fake.waitForSent(RESIDENT, before + 1, 15_000)).slice(before);
    expect(notice!.text).toContain(`您的申请 ${ref} 已由法律援助中心工作人员受理审查`);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 60_000);
});
