import { spawn } from 'node:child_process';
import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import { BIN } from '../../helpers/cli-process.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { newSession } from './web-chat-fixture.js';

const PHONE = '13912345678';

describe('Botkit debug output (DEBUG=*)', () => {
  it('never carries what the resident typed, nor their identity', async () => {
    const child = spawn(process.execPath, [BIN, 'serve'], {
      env: { ...process.env, FAYUAN_DATA_DIR: tempDir(), PORT: '0', LOG_LEVEL: 'debug', DEBUG: '*', CONSOLE_CHAT: 'off', TELEGRAM_BOT_TOKEN: '' },
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed:\n${output}`)), 30_000);
      child.stdout.on('data', () => {
        const match = /web chat on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
    });
    const session = await newSession(`${url}/`);
    const socket = new WebSocket(`${url.replace('http', 'ws')}/chat/socket`, { headers: { Cookie: session.cookie } });
    const acks: unknown[] = [];
    socket.on('message', (data) => {
      const frame = JSON.parse(String(data)) as { type: string };
      if (frame.type === 'ack') acks.push(frame);
    });
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    socket.send(JSON.stringify({ type: 'hello', mid: 'hello-0001' }));
    socket.send(JSON.stringify({ type: 'choice', mid: 'agree-0001', id: 'consent.agree' }));
    socket.send(JSON.stringify({ type: 'message', mid: 'phone-0001', text: `我的电话是${PHONE}` }));
    const started = Date.now();
    while (acks.length < 2 && Date.now() - started < 15_000) await new Promise((r) => setTimeout(r, 50));
    socket.close();
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    expect(acks).toHaveLength(2);
    // Botkit did print its debug lines (the test would pass vacuously otherwise).
    expect(output).toContain('botkit');
    expect(output).not.toContain(PHONE);
    expect(output).not.toContain(session.resident);
  });
});
