import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Botkit, type BotkitMessage } from 'botkit';
import type { Express } from 'express';
import type { App } from '../app.js';
import type { RunningChannel } from '../running-channel.js';
import { ResidentSockets } from './resident-sockets.js';
import { ResidentIdentity } from './resident-identity.js';
import { WEB_FRAME_EVENT, WebChatAdapter } from './web-chat-adapter.js';
import { WebChatChannel, type WebChatChannelOptions } from './web-chat-channel.js';
import { createWebServer } from './web-server.js';

/** Where the page's socket connects. */
export const SOCKET_PATH = '/chat/socket';


/** Tuning for tests and unusual deployments; the defaults suit production. */
export interface WebChatOptions extends WebChatChannelOptions {
  /** How often open pages are pinged; a page that missed the previous ping is dropped. */
  heartbeatMs?: number;
  /** Adds routes of other channels to the web server (the WeChat callback). */
  mount?: (server: Express) => void;
}

/** A started web chat. With `PORT=0`, `port` and `url` give the port the system chose. */
export interface RunningWebChat extends RunningChannel {
  name: 'web';
  host: string;
  port: number;
  /** `http://host:port/`, the page's address. */
  url: string;
}

/**
 * Botkit keeps no conversation state here (the runner does), so its dialog storage stores nothing:
 * the default in-memory storage would grow by one entry per resident.
 */
const NO_STORAGE = {
  read: async () => ({}),
  write: async () => undefined,
  delete: async () => undefined,
};

/**
 * Starts the web chat on `app.config.host`:`app.config.port` (127.0.0.1 unless HOST says otherwise):
 * our own Express app and http server, Botkit with the web adapter on its socket, and the outbox sender.
 *
 * @example
 * const web = await startWebChat(app);
 * console.log(`open ${web.url}`);
 * await web.close();
 */
export async function startWebChat(app: App, options: WebChatOptions = {}): Promise<RunningWebChat> {
  const sockets = new ResidentSockets();
  const identity = ResidentIdentity.fromDataDir(app.config.dataDir);
  const channel = new WebChatChannel(app, sockets, options);
  const server = http.createServer(createWebServer(app, channel, identity, options.mount));
  const adapter = new WebChatAdapter({
    server,
    path: SOCKET_PATH,
    sockets,
    identity,
    logger: app.logger,
    ...(options.heartbeatMs !== undefined ? { heartbeatMs: options.heartbeatMs } : {}),
  });
  // Botkit's own webserver would listen on every interface and add an unauthenticated webhook route; it gets none.
  const controller = new Botkit({ adapter, disable_webserver: true, disable_console: true, storage: NO_STORAGE });
  controller.on(WEB_FRAME_EVENT, async (_bot, message: BotkitMessage) => {
    const frame = adapter.take((message.incoming_message.channelData as { ref?: unknown } | undefined)?.ref);
    if (frame) await channel.receive(frame);
  });

  const { host, port } = app.config;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  app.dispatcher.register('web', channel);
  const bound = server.address() as AddressInfo;
  const urlHost = bound.family === 'IPv6' ? `[${bound.address}]` : bound.address;
  app.logger.info({ channel: 'web', host: bound.address, port: bound.port }, 'web chat listening');

  let closed: Promise<void> | undefined;
  return {
    name: 'web',
    host: bound.address,
    port: bound.port,
    url: `http://${urlHost}:${bound.port}/`,
    close() {
      closed ??= (async () => {
        channel.close();
        await controller.shutdown();
        await adapter.close();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
      })();
      return closed;
    },
  };
}
