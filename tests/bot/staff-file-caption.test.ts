import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';
import { resident, testApp } from '../helpers/test-app.js';

const STAFF = { TELEGRAM_BOT_TOKEN: '123456:caption', TELEGRAM_STAFF_CHAT_ID: '-100123', TELEGRAM_API_ROOT: 'http://127.0.0.1:9' };
const attachment = { id: 'd'.repeat(32), fileName: '清单.pdf', mimeType: 'application/pdf', size: 13 };

/** A resident talking to a person, in `language` (the /lang command switches to English). */
async function talkingToStaff(userId: string, english = false) {
  const app = await testApp(tempDir(), STAFF);
  const r = resident(userId);
  await app.runner.handle(r.command('start'));
  await app.runner.handle(r.choice('consent.agree'));
  if (english) await app.runner.handle(r.command('lang'));
  await app.runner.handle(r.choice('menu.human'));
  return { app, key: `console:${userId}` };
}

async function captionOf(app: Awaited<ReturnType<typeof talkingToStaff>>['app'], key: string, staffName: string) {
  const result = await app.runner.dispatch(key, { type: 'staff.file', staffName, attachment });
  if (!result) throw new Error('no conversation');
  const file = result.outbound.find((m) => m.payload.kind === 'file');
  return file?.payload.kind === 'file' ? file.payload.caption : undefined;
}

/** Session 11: a file staff send is captioned with their name as their messages are (【王芳】…), not a bare "王芳". */
describe('a file from staff, as the resident sees it', () => {
  it('is captioned 【王芳】, as her text messages are', async () => {
    const { app, key } = await talkingToStaff('cap1');
    expect(await captionOf(app, key, '王芳')).toBe('【王芳】');
    await app.close();
  });

  it('is captioned [Wang Fang] in English', async () => {
    const { app, key } = await talkingToStaff('cap2', true);
    expect(await captionOf(app, key, 'Wang Fang')).toBe('[Wang Fang]');
    await app.close();
  });

  it('says 【工作人员】 when the member of staff gave no name for residents (never a blank caption)', async () => {
    const { app, key } = await talkingToStaff('cap3');
    expect(await captionOf(app, key, '')).toBe('【工作人员】');
    await app.close();
  });
});
