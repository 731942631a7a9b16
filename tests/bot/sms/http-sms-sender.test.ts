import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpSmsSender } from '../../../src/bot/sms/http-sms-sender.js';
import { smsSenderFromConfig } from '../../../src/bot/sms/sms-from-config.js';
import { OutboxFileSmsSender } from '../../../src/bot/sms/outbox-file-sms-sender.js';
import { parseConfig } from '../../../src/config.js';

/** A local stand-in for a centre's SMS gateway: records each request, answers `status`. */
async function fakeGateway(status = 200) {
  const received: { auth: string | undefined; body: unknown }[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    req.on('end', () => {
      received.push({ auth: req.headers.authorization, body: JSON.parse(raw) });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`;
  return { url, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

describe('texting through the SMS gateway', () => {
  it('posts the number and text as JSON with the token', async () => {
    const gateway = await fakeGateway();
    close = gateway.close;
    await new HttpSmsSender(gateway.url, 'tok-1').send({ to: '13800138000', text: '验证码 123456' });
    expect(gateway.received).toEqual([{ auth: 'Bearer tok-1', body: { to: '13800138000', text: '验证码 123456' } }]);
  });

  it('fails on a refusal without repeating the number or the text', async () => {
    const gateway = await fakeGateway(503);
    close = gateway.close;
    const error = await new HttpSmsSender(gateway.url, null).send({ to: '13800138000', text: '验证码 123456' }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain('503');
    expect((error as Error).message).not.toMatch(/13800138000|123456/);
  });

  it('is chosen by configuration: the gateway first, else the outbox file, else none', () => {
    const base = { FAYUAN_DATA_DIR: '/tmp/x' };
    expect(smsSenderFromConfig(parseConfig({ ...base, SMS_GATEWAY_URL: 'https://sms.example/send', SMS_OUTBOX_FILE: 'o.jsonl' }).sms)).toBeInstanceOf(HttpSmsSender);
    expect(smsSenderFromConfig(parseConfig({ ...base, SMS_OUTBOX_FILE: 'o.jsonl' }).sms)).toBeInstanceOf(OutboxFileSmsSender);
    expect(smsSenderFromConfig(parseConfig(base).sms)).toBeNull();
  });
});
