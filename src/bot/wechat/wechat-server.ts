import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import type { App } from '../app.js';
import type { RunningChannel } from '../running-channel.js';
import type { WechatChannel } from './wechat-channel.js';

/** Puts the WeChat callback on the web chat's Express server (`startWebChat`'s `mount`). */
export function mountWechat(wechat: WechatChannel): (server: Express) => void {
  return (server) => {
    server.all(wechat.path, (req, res) => wechat.handle(req, res));
  };
}

/** A server of its own for the WeChat callback, on HOST:PORT, when the web chat is off (`WEB_CHAT=off`). */
export async function startWechatServer(app: App, wechat: WechatChannel): Promise<RunningChannel & { port: number }> {
  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (pathname === wechat.path) return wechat.handle(req, res);
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(app.config.port, app.config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  app.logger.info({ channel: 'wechat', port }, 'WeChat callback server listening');
  return {
    name: 'wechat-server',
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
