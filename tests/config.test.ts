import { describe, expect, it } from 'vitest';
import path from 'node:path';
import fs from 'node:fs';
import { BUILT_IN_POLICY_DIR, ConfigError, parseConfig } from '../src/config.js';
import { tempDir } from './helpers/temp-dir.js';

const TOKEN = '123456:TEST-token_abcdefghijklmnopqrstuvwxyz';

describe('parseConfig', () => {
  it('runs on embedded defaults with nothing set: SQLite under ./data, web chat on 127.0.0.1:3000, no Telegram', () => {
    const config = parseConfig({}, '/srv/fayuan');
    expect(config.databaseFile).toBe(path.join('/srv/fayuan', 'data', 'fayuan.sqlite'));
    expect(config.attachmentsDir).toBe(path.join('/srv/fayuan', 'data', 'attachments'));
    expect(config).toMatchObject({ host: '127.0.0.1', port: 3000, webChat: true, telegram: { mode: 'off' } });
  });

  it("reads the centre's own policy copy under the data folder once the console made one, else the shipped pack", () => {
    const data = tempDir('fayuan-config-');
    expect(parseConfig({ FAYUAN_DATA_DIR: data }).policyDir).toBe(BUILT_IN_POLICY_DIR);
    fs.mkdirSync(path.join(data, 'policy'));
    fs.writeFileSync(path.join(data, 'policy', 'pack.yaml'), 'id: x\n');
    expect(parseConfig({ FAYUAN_DATA_DIR: data }).policyDir).toBe(path.join(data, 'policy'));
    // FAYUAN_POLICY_DIR always wins.
    expect(parseConfig({ FAYUAN_DATA_DIR: data, FAYUAN_POLICY_DIR: '/etc/fayuan/policy' }).policyDir).toBe('/etc/fayuan/policy');
  });

  it.each([
    [{ TELEGRAM_BOT_TOKEN: TOKEN }, { mode: 'polling', token: TOKEN }],
    [
      { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/tg/hook', TELEGRAM_WEBHOOK_SECRET: 'secret_secret_123' },
      { mode: 'webhook', webhookPath: '/tg/hook', webhookPort: 8443 },
    ],
    [{ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_STAFF_CHAT_ID: '-1001234', TELEGRAM_STAFF_USER_IDS: '11, 22' }, { staffChatId: '-1001234', staffUserIds: ['11', '22'] }],
  ])('reads the Telegram settings %#', (env, expected) => {
    expect(parseConfig(env).telegram).toMatchObject(expected);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT must be a whole number'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of'],
    [{ TELEGRAM_BOT_TOKEN: 'not-a-token' }, 'TELEGRAM_BOT_TOKEN does not look like a bot token'],
    [{ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_URL: 'https://x.org/h' }, 'TELEGRAM_WEBHOOK_SECRET is required'],
    [{ TELEGRAM_WEBHOOK_URL: 'https://x.org/h' }, 'TELEGRAM_WEBHOOK_URL is set but TELEGRAM_BOT_TOKEN is not'],
    [{ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_STAFF_CHAT_ID: 'staff' }, 'TELEGRAM_STAFF_CHAT_ID must be a numeric chat id'],
    [{ ATTACHMENT_MAX_MB: '500' }, 'ATTACHMENT_MAX_MB must be a whole number from 1 to 50'],
  ])('rejects %o with a message that says what to fix', (env, message) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(message);
  });

  it('lists every problem at once', () => {
    try {
      parseConfig({ PORT: 'x', LOG_LEVEL: 'y' });
      expect.unreachable();
    } catch (error) {
      expect((error as ConfigError).problems).toHaveLength(2);
    }
  });
});
