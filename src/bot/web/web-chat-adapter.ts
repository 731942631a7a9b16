import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Logger } from 'pino';
import { ActivityTypes, TurnContext, type Activity } from 'botbuilder';
import { WebAdapter } from 'botbuilder-adapter-web';
import WebSocket from 'ws';
import type { ResidentSockets } from './resident-sockets.js';
import { sameOrigin, type ResidentIdentity } from './resident-identity.js';
import { parseClientFrame, type ClientFrame } from './web-protocol.js';


/**
 * A frame as Botkit hands it to our handlers: the page's frame, the server's id of the page that sent
 * it, and the resident its identity cookie proved when the socket opened.
 */
export type ReceivedFrame = ClientFrame & { connection: string; user: string };

/** The one Botkit event every page frame arrives as. */
export const WEB_FRAME_EVENT = 'web_frame';

/** The resident a socket's opening request proved, kept on the request between verification and connection. */
const RESIDENT = Symbol('resident');
type VerifiedRequest = IncomingMessage & { [RESIDENT]?: string };

/** What the adapter needs: the http server to attach the socket to, and where pages are tracked. */
export interface WebChatAdapterOptions {
  server: Server;
  /** The socket's URL path, e.g. `/chat/socket`. */
  path: string;
  sockets: ResidentSockets;
  identity: ResidentIdentity;
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
  private readonly parked = new Map<string, ReceivedFrame>();
  private server: WebSocket.Server | undefined;

  constructor(private readonly options: WebChatAdapterOptions) {
    super();
  }

  /** Called by Botkit once it is ready, with its turn handler as `logic`. */
  override createSocketServer(_server: unknown, _socketOptions: unknown, logic: (context: TurnContext) => Promise<void>): void {
    const { server, path, sockets, heartbeatMs = 30_000, maxFrameBytes = 64 * 1024 } = this.options;
    const verifyClient = (info: { req: VerifiedRequest }) => {
      if (!sameOrigin(info.req)) return false;
      // Only the holder of an identity this server issued may open a socket; it speaks for that resident alone.
      const resident = this.options.identity.residentOf(info.req);
      if (resident === null) return false;
      info.req[RESIDENT] = resident;
      return true;
    };
    this.server = new WebSocket.Server({ server, path, maxPayload: maxFrameBytes, verifyClient });
    this.wss = this.server;
    this.server.on('connection', (socket, req: VerifiedRequest) => this.accept(socket, req[RESIDENT]!, req.socket.remoteAddress ?? '', logic));
    this.heartbeat = setInterval(() => sockets.heartbeat(), heartbeatMs);
  }

  private accept(socket: WebSocket, resident: string, address: string, logic: (context: TurnContext) => Promise<void>): void {
    const { sockets, logger } = this.options;
    const connection = sockets.add(socket, address);
    sockets.bind(connection, resident);
    let turns = Promise.resolve();
    socket.on('message', (data) => {
      const frame = parseClientFrame(String(data));
      if (!frame) {
        logger.debug({ channel: 'web', connection: connection.id }, 'ignored a malformed web chat frame');
        return;
      }
      // A delivery receipt is the socket's business, not a conversation turn.
      if (frame.type === 'received') {
        connection.received(frame.id);
        return;
      }
      // Botkit's debug output (DEBUG=*) prints every activity whole: it gets an opaque reference to the
      // frame, never the resident's text or id. Botkit reads the event's name from `botkitEventType`.
      const ref = randomUUID();
      this.parked.set(ref, { ...frame, connection: connection.id, user: resident });
      const activity: Partial<Activity> = {
        timestamp: new Date(),
        channelId: 'websocket',
        conversation: { id: connection.id, isGroup: false, conversationType: 'personal', name: '' },
        from: { id: connection.id, name: '' },
        recipient: { id: 'bot', name: '' },
        channelData: { botkitEventType: WEB_FRAME_EVENT, ref },
        type: ActivityTypes.Event,
      };
      // One page's frames are handled in the order it sent them.
      turns = turns
        .then(() => this.runMiddleware(new TurnContext(this, activity), logic))
        .finally(() => this.parked.delete(ref))
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

  /** The frame behind a reference Botkit passed to a handler (once). */
  take(ref: unknown): ReceivedFrame | undefined {
    if (typeof ref !== 'string') return undefined;
    const frame = this.parked.get(ref);
    this.parked.delete(ref);
    return frame;
  }

  /** Stops the heartbeat, tells every page to reconnect later and closes the socket server. */
  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    this.options.sockets.closeAll();
    const server = this.server;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
