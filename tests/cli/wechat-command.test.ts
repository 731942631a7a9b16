import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { wechatCommand } from '../../src/cli/wechat-command.js';
import { parseConfig } from '../../src/config.js';
import { translate } from '../../src/locales/render.js';
import { FakeWechatApi } from '../helpers/fake-wechat-api.js';
import { tempDir } from '../helpers/temp-dir.js';

const APP_ID = 'wx00112233445566ff';
const SECRET = 'cli-test-secret';

async function run(args: string[], env: Record<string, string>) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (c) => out.push(String(c)));
  stderr.on('data', (c) => err.push(String(c)));
  const config = parseConfig({ FAYUAN_DATA_DIR: tempDir(), ...env });
  const code = await wechatCommand({ args, stdin: new PassThrough(), stdout, stderr, config, shutdown: new AbortController().signal });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('fayuan wechat menu', () => {
  it('creates the account menu from the locale files within WeChat\'s button limits', async () => {
    const fake = await FakeWechatApi.start(APP_ID, SECRET);
    try {
      const env = { WECHAT_TOKEN: 'cliToken1', WECHAT_APP_ID: APP_ID, WECHAT_APP_SECRET: SECRET, WECHAT_API_ROOT: fake.url };
      const result = await run(['menu'], env);
      expect(result.code).toBe(0);
      const menu = fake.menu as { button: { name: string; type?: string; key?: string; sub_button?: { name: string; key: string }[] }[] };
      const zh = (key: string) => translate(key, 'zh-CN');
      expect(menu.button.map((b) => b.name)).toEqual([zh('wechat.menu.ask'), zh('wechat.menu.legal_aid'), zh('wechat.menu.human')]);
      expect(menu.button[1]!.sub_button!.map((b) => [b.name, b.key])).toEqual([
        ['申请法律援助', 'menu.apply'],
        ['查询进度', 'menu.status'],
      ]);
      // WeChat: at most three top-level buttons of 16 bytes, sub-buttons of 60.
      for (const b of menu.button) expect(Buffer.byteLength(b.name)).toBeLessThanOrEqual(16);
      expect(result.stdout).toContain('转人工');

      fake.failNext('/cgi-bin/menu/create', 40018);
      const refused = await run(['menu'], env);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('40018');
      expect(refused.stderr).not.toContain(SECRET);
    } finally {
      await fake.close();
    }
  });

  it('says how to configure WeChat when it is not', async () => {
    const result = await run(['menu'], {});
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('WECHAT_TOKEN');
  });
});

describe('fayuan wechat held', () => {
  it('says when nothing waits', async () => {
    const result = await run(['held'], {});
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(translate('wechat.cli.held_none', 'zh-CN'));
  });
});
