import type http from 'node:http';
import type { Logger } from 'pino';
import { signatureMatches, wechatSignature, type WechatCipher } from './wechat-crypto.js';
import { MAX_CALLBACK_BYTES, parseWechatXml, type WechatFields } from './wechat-xml.js';

/** What the callback checks and where accepted messages go. */
export interface WechatCallbackOptions {
  token: string;
  /** Safe mode: messages arrive encrypted and carry `msg_signature`. */
  cipher?: WechatCipher;
  logger: Logger;
  /**
   * Handles one message; resolves once it is durable (committed through the runner). Called once per
   * `dedupKey` while it runs: WeChat's retries of a slow message wait for the same work.
   */
  receive: (fields: WechatFields) => Promise<void>;
  /** The id that makes WeChat's retries of one message the same work. */
  dedupKey: (fields: WechatFields) => string | undefined;
  now?: () => number;
  /** How long a callback waits for its message before answering anyway on WeChat's last try. */
  answerWithinMs?: number;
}

/** Callbacks whose timestamp is further from our clock than this are refused (replays). */
export const MAX_CLOCK_SKEW_S = 300;
/** WeChat sends a message up to three times when it gets no answer within five seconds. */
const WECHAT_TRIES = 3;
/** How long a finished message's id is kept to join late retries (the runner's dedup covers the rest). */
const KEEP_DONE_MS = 30_000;

interface Job {
  done: Promise<'ok' | 'failed'>;
  requests: number;
}

/**
 * The HTTP side of the official account's server URL: the GET handshake (signature check, `echostr`
 * echoed) and message POSTs (signature and, in safe mode, `msg_signature` checked, timestamp fresh,
 * body size-limited, decrypted, parsed). A message is answered `success` once it is durable, well
 * inside WeChat's five seconds; a retry of one still in progress waits for it instead of repeating it.
 * Refusals are logged with the reason only: no content, no ids of residents.
 */
export function createWechatCallback(options: WechatCallbackOptions): (req: http.IncomingMessage, res: http.ServerResponse) => void {
  const { token, cipher, logger, receive, dedupKey } = options;
  const now = options.now ?? Date.now;
  const answerWithinMs = options.answerWithinMs ?? 4000;
  const jobs = new Map<string, Job>();

  const refuse = (res: http.ServerResponse, status: number, reason: string) => {
    logger.warn({ channel: 'wechat', status, reason }, 'refused a WeChat callback');
    res.writeHead(status, { 'content-type': 'text/plain' }).end();
  };

  function signed(query: URLSearchParams): 'ok' | 'unsigned' | 'stale' {
    const timestamp = query.get('timestamp') ?? '';
    const nonce = query.get('nonce') ?? '';
    const signature = query.get('signature') ?? undefined;
    if (!/^\d{1,12}$/.test(timestamp) || !signatureMatches(signature, wechatSignature(token, timestamp, nonce))) return 'unsigned';
    if (Math.abs(now() / 1000 - Number(timestamp)) > MAX_CLOCK_SKEW_S) return 'stale';
    return 'ok';
  }

  async function respond(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
    if (req.method !== 'GET' && req.method !== 'POST') return void res.writeHead(405, { allow: 'GET, POST' }).end();
    const check = signed(query);
    if (check !== 'ok') return refuse(res, 401, check === 'stale' ? 'stale timestamp' : 'bad or missing signature');
    if (req.method === 'GET') {
      // The platform's "submit" on the server settings page: echo its random string.
      const echo = query.get('echostr') ?? '';
      return void res.writeHead(200, { 'content-type': 'text/plain' }).end(echo);
    }
    const body = await readBody(req);
    if (body === undefined) return refuse(res, 413, 'body too large');
    let fields = parseWechatXml(body);
    if (!fields) return refuse(res, 400, 'not a WeChat XML document');
    if (cipher) {
      const encrypted = fields.Encrypt;
      const expected = encrypted === undefined ? '' : wechatSignature(token, query.get('timestamp') ?? '', query.get('nonce') ?? '', encrypted);
      if (encrypted === undefined || !signatureMatches(query.get('msg_signature') ?? undefined, expected)) {
        return refuse(res, 401, 'safe mode: bad or missing msg_signature');
      }
      let inner: WechatFields | undefined;
      try {
        inner = parseWechatXml(cipher.decrypt(encrypted));
      } catch {
        inner = undefined;
      }
      if (!inner) return refuse(res, 400, 'safe mode: could not decrypt');
      fields = inner;
    }
    const key = dedupKey(fields);
    if (key === undefined) return refuse(res, 400, 'not a message');
    let job = jobs.get(key);
    if (!job) {
      const created: Job = {
        done: receive(fields).then(
          () => 'ok' as const,
          () => 'failed' as const,
        ),
        requests: 0,
      };
      jobs.set(key, created);
      void created.done.then((outcome) => {
        // A failed message may be tried again by WeChat's retry; a done one is kept to join late retries.
        if (outcome === 'failed') jobs.delete(key);
        else setTimeout(() => jobs.get(key) === created && jobs.delete(key), KEEP_DONE_MS).unref();
      });
      job = created;
    }
    job.requests += 1;
    const lastTry = job.requests >= WECHAT_TRIES;
    const outcome = await Promise.race([job.done, sleep(answerWithinMs).then(() => 'slow' as const)]);
    // Slow on an early try: let WeChat's five seconds run out, so it tries again and the retry joins this work.
    // On the last try, answer anyway: the work goes on, and an error page would only alarm the resident.
    if (outcome === 'slow' && !lastTry) await job.done;
    res.writeHead(200, { 'content-type': 'text/plain' }).end('success');
  }

  return (req, res) => {
    respond(req, res).catch((error: unknown) => {
      logger.error({ channel: 'wechat', err: error instanceof Error ? error.name : 'unknown' }, 'WeChat callback failed');
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  };
}

async function readBody(req: http.IncomingMessage): Promise<string | undefined> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > MAX_CALLBACK_BYTES) {
    req.resume();
    return undefined;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_CALLBACK_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
