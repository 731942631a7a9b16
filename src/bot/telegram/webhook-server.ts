import { createHash, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Update } from 'telegraf/types';

/** Where the webhook server listens, what it accepts, and who handles the updates. */
export interface WebhookServerOptions {
  host: string;
  port: number;
  /** The path Telegram posts to, from the webhook URL. */
  path: string;
  /** Must arrive in `X-Telegram-Bot-Api-Secret-Token`; anything else gets 401. */
  secret: string;
  /** Resolves once the update is handled (its turn durable): only then does Telegram get its 200. */
  handleUpdate: (update: Update) => Promise<void>;
}

/** A listening webhook server. */
export interface WebhookServer {
  address: { host: string; port: number };
  /** Stops taking requests; requests in progress finish first. */
  close(): Promise<void>;
}

/** Updates are small JSON documents; anything bigger is not from Telegram. */
const MAX_BODY = 1024 * 1024;

/**
 * Our own HTTP server for Telegram's webhook: one POST path, guarded by the secret token header.
 * Answers 200 only after the update was handled, so Telegram redelivers it if we fail before that.
 */
export async function startWebhookServer(options: WebhookServerOptions): Promise<WebhookServer> {
  const expected = digest(options.secret);
  const server = http.createServer((req, res) => {
    void respond(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

  async function respond(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (pathname !== options.path) return void res.writeHead(404).end();
    if (req.method !== 'POST') return void res.writeHead(405, { allow: 'POST' }).end();
    const header = req.headers['x-telegram-bot-api-secret-token'];
    if (typeof header !== 'string' || !timingSafeEqual(digest(header), expected)) return void res.writeHead(401).end();
    const body = await readBody(req);
    if (body === undefined) return void res.writeHead(413).end();
    let update: Update;
    try {
      update = JSON.parse(body) as Update;
    } catch {
      return void res.writeHead(400).end();
    }
    if (typeof update !== 'object' || update === null || typeof update.update_id !== 'number') {
      return void res.writeHead(400).end();
    }
    await options.handleUpdate(update);
    res.writeHead(200).end();
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new Error(
          `The Telegram webhook server could not listen on ${options.host}:${options.port} (${error.code ?? error.message}). ` +
            'Choose a free PORT, or put the web chat and the webhook on different ports.',
          { cause: error },
        ),
      ),
    );
    server.listen(options.port, options.host, resolve);
  });
  const bound = server.address() as AddressInfo;
  return {
    address: { host: bound.address, port: bound.port },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}

/** Hashing first makes both sides the same length, so the comparison leaks nothing about the secret. */
function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

async function readBody(req: http.IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
