import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli-process.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('fayuan serve (npm start)', () => {
  it('serves the web chat on 127.0.0.1 with the embedded defaults and shuts down cleanly on SIGTERM', async () => {
    const dir = tempDir();
    const child = spawn(process.execPath, [BIN, 'serve'], {
      env: { ...process.env, FAYUAN_DATA_DIR: dir, PORT: '0', STAFF_PORT: '0', LOG_LEVEL: 'silent', TELEGRAM_BOT_TOKEN: '' },
    });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed:\n${stdout}`)), 30_000);
      child.stdout.on('data', () => {
        const match = /web chat on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
    });
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    const page = await fetch(`${url}/`);
    expect(await page.text()).toContain('<html');

    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
