import type { IncomingMessage, Server } from 'node:http';
import type { Logger } from 'pino';
import { ActivityTypes, TurnContext, type Activity } from 'botbuilder';
import { WebAdapter } from 'botbuilder-adapter-web';
import WebSocket from 'ws';
import type { ResidentSockets } from './resident-sockets.js';
import { parseClientFrame, type ClientFrame } from './web-protocol.js';

/** A frame as Botkit hands it to our handlers: the page's frame plus the server's id of the page that sent it. */
export type ReceivedFrame = ClientFrame & { connection: string };

/** What the adapter needs: the http server to attach the socket to, and where pages are tracked. */
export interface WebChatAdapterOptions {
  server: Server;
  /** The socket's URL path, e.g. `/chat/socket`. */
  path: string;
  sockets: ResidentSockets;
  logger: Logger;
  heartbeatMs?: number;
  maxFrameBytes?: number;
}

/**
 * Botkit's web adapter with a socket server we own. The stock `createSocketServer` keeps one client map
 * for the whole process, lets an old page's close unregister the resident's new page, logs unparsable
 * frames (resident text) to the console and starts a heartbeat it never clears. Here frames are validated
 * first, each page's frames run through Botkit in order, and {@link close} stops everything.
 */
export class WebChatAdapter extends WebAdapter {
  private heartbeat: NodeJS.Timeout | undefined;
  private server: WebSocket.Server | undefined;

  constructor(private readonly options: WebChatAdapterOptions) {
    super();
  }

  /** Called by Botkit once it is ready, with its turn handler as `logic`. */
  override createSocketServer(_server: unknown, _socketOptions: unknown, logic: (context: TurnContext) => Promise<void>): void {
    const { server, path, sockets, heartbeatMs = 30_000, maxFrameBytes = 64 * 1024 } = this.options;
    this.server = new WebSocket.Server({ server, path, maxPayload: maxFrameBytes, verifyClient: (info: { req: IncomingMessage }) => sameOrigin(info.req) });
    this.wss = this.server;
    this.server.on('connection', (socket) => this.accept(socket, logic));
    this.heartbeat = setInterval(() => sockets.heartbeat(), heartbeatMs);
  }

  private accept(socket: WebSocket, logic: (context: TurnContext) => Promise<void>): void {
    const { sockets, logger } = this.options;
    const connection = sockets.add(socket);
    let turns = Promise.resolve();
    socket.on('message', (data) => {
      const frame = parseClientFrame(String(data));
      if (!frame || !sockets.bind(connection, frame.user)) {
        logger.debug({ channel: 'web', connection: connection.id }, 'ignored a malformed web chat frame');
        return;
      }
      // A delivery receipt is the socket's business, not a conversation turn.
      if (frame.type === 'received') {
        connection.received(frame.id);
        return;
      }
      // Botkit reads an event's name from `botkitEventType`.
      const received: ReceivedFrame = { ...frame, connection: connection.id };
      const channelData = frame.type === 'message' ? received : { ...received, botkitEventType: frame.type };
      const activity: Partial<Activity> = {
        timestamp: new Date(),
        channelId: 'websocket',
        conversation: { id: frame.user, isGroup: false, conversationType: 'personal', name: '' },
        from: { id: frame.user, name: '' },
        recipient: { id: 'bot', name: '' },
        channelData,
        type: frame.type === 'message' ? ActivityTypes.Message : ActivityTypes.Event,
        ...(frame.type === 'message' ? { text: frame.text } : {}),
      };
      // One page's frames are handled in the order it sent them.
      turns = turns
        .then(() => this.runMiddleware(new TurnContext(this, activity), logic))
        .catch((error: unknown) =>
          logger.error({ channel: 'web', connection: connection.id, err: error instanceof Error ? error.name : 'unknown' }, 'web chat turn failed'),
        );
    });
    socket.on('pong', () => {
      connection.alive = true;
    });
    socket.on('error', (error) => logger.debug({ channel: 'web', connection: connection.id, err: error.name }, 'web chat socket error'));
    socket.on('close', () => sockets.remove(connection));
  }

  /** Stops the heartbeat, tells every page to reconnect later and closes the socket server. */
  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    this.options.sockets.closeAll();
    const server = this.server;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** Refuses sockets opened by another site's page (the Origin, when sent, must match the Host). */
function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
