import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDataKey } from './storage/field-cipher.js';

/** The project root (where package.json, policy/ and knowledge/ live), from the sources or from `dist/`. */
export const PROJECT_ROOT = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));

function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(start, '..');
  }
}

export type TelegramConfig =
  | { mode: 'off' }
  | { mode: 'polling'; token: string; apiRoot?: string; staffChatId?: string; staffUserIds: string[] }
  | {
      mode: 'webhook';
      token: string;
      apiRoot?: string;
      staffChatId?: string;
      staffUserIds: string[];
      webhookUrl: string;
      webhookSecret: string;
      webhookPath: string;
      /** Port of the webhook server (behind the public https endpoint), apart from the web chat's. */
      webhookPort: number;
    };

/** A WeChat official account (公众号) the bot answers for; see docs/wechat.md. */
export interface WechatConfig {
  /** The Token entered on the platform's server settings page; signs every callback. */
  token: string;
  appId: string;
  appSecret: string;
  /** EncodingAESKey: set for safe mode (安全模式), where messages arrive encrypted. */
  encodingAesKey?: string;
  /** `https://api.weixin.qq.com` unless WECHAT_API_ROOT says otherwise (tests, a proxy). */
  apiRoot: string;
  /** The callback's path on the web server (the platform's server URL ends with it). */
  path: string;
}

/** Everything the bot is configured with, parsed once from the environment by {@link parseConfig}. */
export interface Config {
  dataDir: string;
  databaseFile: string;
  attachmentsDir: string;
  policyDir: string;
  knowledgeDir: string;
  host: string;
  port: number;
  webChat: boolean;
  /** Chat in the terminal while serving: `auto` does so when stdin is a terminal. */
  consoleChat: 'auto' | 'on' | 'off';
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  telegram: TelegramConfig;
  /** What residents may send; `quotaPerDay` files per resident in 24 hours. */
  attachments: { maxBytes: number; allowedTypes: string[]; quotaPerDay: number };
  /** The WeChat official account, when WECHAT_TOKEN, WECHAT_APP_ID and WECHAT_APP_SECRET are set. */
  wechat: WechatConfig | null;
  handoff: { pickupMinutes: number };
  kbRefreshSeconds: number;
  /**
   * Build the FAQ index on its worker thread (KB_INDEX_WORKER, default on). `off` builds it on the
   * main thread: for tests, which start many short-lived apps and test the worker on its own.
   */
  kbIndexWorker: boolean;
  /** How many conversations keep their running machine in memory between messages; the others rest as text (docs/performance.md). */
  hotConversations: number;
  /** The staff console: on `STAFF_PORT` (default 3001) on `host`; `STAFF_CONSOLE=off` turns it off. */
  staffConsole: { enabled: boolean; port: number; secureCookie: boolean };
  /** Privacy settings: where the web chat's quick exit goes; retention periods in days (see docs/privacy.md). */
  /**
   * The data key from `FAYUAN_DATA_KEY` (current) and `FAYUAN_DATA_KEY_OLD` (keys being rotated away);
   * null or absent: the key file `data.key` in the data folder (see docs/privacy.md).
   */
  dataKeys?: Buffer[] | null;
  privacy: {
    exitUrl: string;
    retentionDays: { transcript: number; idleConversations: number; sentOutbox: number; deadLetters: number; closedCases: number };
    /** Web chat messages per minute from one network address (all residents behind it). */
    messagesPerAddressPerMinute: number;
    newConversationsPerAddressPerHour: number;
    /** Ask a separate consent before the application's sensitive questions (PIPL art. 29). */
    sensitiveConsent: boolean;
  };
  /** Texting one-time codes (docs/privacy.md): a gateway (`SMS_GATEWAY_URL` + `SMS_GATEWAY_TOKEN`), or a dev outbox file (`SMS_OUTBOX_FILE`), or none. */
  sms: { gatewayUrl: string | null; gatewayToken: string | null; outboxFile: string | null };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`Configuration is not valid:\n- ${problems.join('\n- ')}\nSee .env.example for every setting.`);
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** The policy pack shipped with fayuan (domain.md §3); never written by the bot. */
export const BUILT_IN_POLICY_DIR = path.join(PROJECT_ROOT, 'policy', 'default');

/** Where the console keeps the centre's own copy of the shipped pack, made on its first change (policy-folder.ts). */
export function ownPolicyDir(dataDir: string): string {
  return path.join(dataDir, 'policy');
}

/** Without FAYUAN_POLICY_DIR: the centre's own copy once the console has made one, else the shipped pack. */
function defaultPolicyDir(dataDir: string): string {
  const own = ownPolicyDir(dataDir);
  return fs.existsSync(path.join(own, 'pack.yaml')) ? own : BUILT_IN_POLICY_DIR;
}

/**
 * Parses and validates the environment: pass `process.env` from `main` only. It reads nothing else but whether the data
 * folder holds the centre's own policy copy (without FAYUAN_POLICY_DIR).
 */
export function parseConfig(env: Record<string, string | undefined>, cwd = process.cwd()): Config {
  const problems: string[] = [];
  const value = (name: string) => {
    const v = env[name]?.trim();
    return v === undefined || v === '' ? undefined : v;
  };
  const integer = (name: string, fallback: number, min: number, max: number) => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}").`);
      return fallback;
    }
    return n;
  };
  const list = (name: string, fallback: string[]) =>
    value(name)?.split(',').map((s) => s.trim()).filter(Boolean) ?? fallback;

  const httpsUrl = (name: string, fallback: string) => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    try {
      if (['https:', 'http:'].includes(new URL(raw).protocol)) return raw;
    } catch {
      // reported below
    }
    problems.push(`${name} must be a full web address such as https://www.weather.com.cn/ (got "${raw}").`);
    return fallback;
  };

  const dataDir = path.resolve(cwd, value('FAYUAN_DATA_DIR') ?? 'data');
  const logLevel = value('LOG_LEVEL') ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}").`);
  }

  const token = value('TELEGRAM_BOT_TOKEN');
  const staffChatId = value('TELEGRAM_STAFF_CHAT_ID');
  if (staffChatId !== undefined && !/^-?\d+$/.test(staffChatId)) {
    problems.push(`TELEGRAM_STAFF_CHAT_ID must be a numeric chat id such as -1001234567890 (got "${staffChatId}").`);
  }
  const staffUserIds = list('TELEGRAM_STAFF_USER_IDS', []);
  for (const id of staffUserIds) {
    if (!/^\d+$/.test(id)) problems.push(`TELEGRAM_STAFF_USER_IDS must be numeric Telegram user ids separated by commas (got "${id}").`);
  }
  const apiRoot = value('TELEGRAM_API_ROOT');
  const webhookUrl = value('TELEGRAM_WEBHOOK_URL');
  let telegram: TelegramConfig = { mode: 'off' };
  if (token !== undefined) {
    if (!/^\d+:[\w-]+$/.test(token)) problems.push('TELEGRAM_BOT_TOKEN does not look like a bot token from @BotFather ("123456:ABC…").');
    const common = { token, staffUserIds, ...(apiRoot ? { apiRoot } : {}), ...(staffChatId ? { staffChatId } : {}) };
    if (webhookUrl !== undefined) {
      const webhookSecret = value('TELEGRAM_WEBHOOK_SECRET');
      if (webhookSecret === undefined || !/^[A-Za-z0-9_-]{16,256}$/.test(webhookSecret)) {
        problems.push('TELEGRAM_WEBHOOK_SECRET is required in webhook mode: 16 to 256 characters of A-Z, a-z, 0-9, _ and -.');
      }
      let webhookPath = '/telegram/webhook';
      try {
        webhookPath = new URL(webhookUrl).pathname;
      } catch {
        problems.push(`TELEGRAM_WEBHOOK_URL must be a full https URL (got "${webhookUrl}").`);
      }
      const webhookPort = integer('TELEGRAM_WEBHOOK_PORT', 8443, 0, 65535);
      telegram = { mode: 'webhook', ...common, webhookUrl, webhookSecret: webhookSecret ?? '', webhookPath, webhookPort };
    } else {
      telegram = { mode: 'polling', ...common };
    }
  } else if (webhookUrl !== undefined) {
    problems.push('TELEGRAM_WEBHOOK_URL is set but TELEGRAM_BOT_TOKEN is not.');
  }

  const wechat = parseWechat(value, problems);
  const dataKeys = parseDataKeys(value, problems);

  const config: Config = {
    dataDir,
    databaseFile: path.join(dataDir, 'fayuan.sqlite'),
    attachmentsDir: path.join(dataDir, 'attachments'),
    policyDir: path.resolve(cwd, value('FAYUAN_POLICY_DIR') ?? defaultPolicyDir(dataDir)),
    knowledgeDir: path.resolve(cwd, value('FAYUAN_KNOWLEDGE_DIR') ?? path.join(PROJECT_ROOT, 'knowledge')),
    host: value('HOST') ?? '127.0.0.1',
    port: integer('PORT', 3000, 0, 65535),
    webChat: value('WEB_CHAT') !== 'off',
    consoleChat: value('CONSOLE_CHAT') === 'off' ? 'off' : value('CONSOLE_CHAT') === 'on' ? 'on' : 'auto',
    logLevel: logLevel as Config['logLevel'],
    telegram,
    wechat,
    attachments: {
      maxBytes: integer('ATTACHMENT_MAX_MB', 10, 1, 50) * 1024 * 1024,
      allowedTypes: list('ATTACHMENT_TYPES', ['image/jpeg', 'image/png', 'image/webp', 'application/pdf']),
      quotaPerDay: integer('ATTACHMENT_QUOTA_PER_DAY', 30, 1, 1000),
    },
    dataKeys,
    handoff: { pickupMinutes: integer('HANDOFF_PICKUP_MINUTES', 10, 1, 1440) },
    kbRefreshSeconds: integer('KB_REFRESH_SECONDS', 2, 1, 600),
    kbIndexWorker: value('KB_INDEX_WORKER') !== 'off',
    hotConversations: integer('HOT_CONVERSATIONS', 2000, 0, 1_000_000),
    staffConsole: {
      enabled: value('STAFF_CONSOLE') !== 'off',
      port: integer('STAFF_PORT', 3001, 0, 65535),
      secureCookie: value('STAFF_SECURE_COOKIE') === 'on',
    },
    privacy: {
      exitUrl: httpsUrl('WEB_EXIT_URL', 'https://www.weather.com.cn/'),
      retentionDays: {
        transcript: integer('RETAIN_TRANSCRIPT_DAYS', 180, 1, 36500),
        idleConversations: integer('RETAIN_IDLE_CONVERSATION_DAYS', 30, 1, 36500),
        sentOutbox: integer('RETAIN_SENT_OUTBOX_DAYS', 7, 1, 36500),
        deadLetters: integer('RETAIN_UNDELIVERABLE_DAYS', 30, 1, 36500),
        closedCases: integer('RETAIN_CLOSED_CASE_DAYS', 1825, 1, 36500),
      },
      messagesPerAddressPerMinute: integer('WEB_MESSAGES_PER_ADDRESS_PER_MINUTE', 120, 1, 100000),
      newConversationsPerAddressPerHour: integer('WEB_NEW_CONVERSATIONS_PER_ADDRESS_PER_HOUR', 30, 1, 100000),
      sensitiveConsent: value('PRIVACY_SENSITIVE_CONSENT') !== 'off',
    },
    sms: {
      gatewayUrl: value('SMS_GATEWAY_URL') ?? null,
      gatewayToken: value('SMS_GATEWAY_TOKEN') ?? null,
      outboxFile: value('SMS_OUTBOX_FILE') ? path.resolve(cwd, value('SMS_OUTBOX_FILE')!) : null,
    },
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** `FAYUAN_DATA_KEY` and `FAYUAN_DATA_KEY_OLD` (comma-separated): 32 bytes each, as 64 hex digits or base64. Never echoed. */
function parseDataKeys(value: (name: string) => string | undefined, problems: string[]): Buffer[] | null {
  const current = value('FAYUAN_DATA_KEY');
  const old = value('FAYUAN_DATA_KEY_OLD');
  if (current === undefined) {
    if (old !== undefined) problems.push('FAYUAN_DATA_KEY_OLD is set but FAYUAN_DATA_KEY is not.');
    return null;
  }
  const keys: Buffer[] = [];
  const key = parseDataKey(current);
  if (key) keys.push(key);
  else problems.push('FAYUAN_DATA_KEY must be 32 bytes written as 64 hex digits or in base64 (make one with: openssl rand -base64 32).');
  for (const text of old?.split(',').filter((t) => t.trim() !== '') ?? []) {
    const k = parseDataKey(text);
    if (k) keys.push(k);
    else problems.push('FAYUAN_DATA_KEY_OLD must be keys of 32 bytes (64 hex digits or base64), separated by commas.');
  }
  return keys.length > 0 ? keys : null;
}

/** The WeChat settings: all three of token, app id and secret, or none. */
function parseWechat(value: (name: string) => string | undefined, problems: string[]): WechatConfig | null {
  const token = value('WECHAT_TOKEN');
  const appId = value('WECHAT_APP_ID');
  const appSecret = value('WECHAT_APP_SECRET');
  const set = [token, appId, appSecret].filter((v) => v !== undefined).length;
  if (set === 0) return null;
  if (set < 3) {
    problems.push('WeChat needs all three of WECHAT_TOKEN, WECHAT_APP_ID and WECHAT_APP_SECRET (from the account\'s 开发 → 基本配置 page).');
    return null;
  }
  if (!/^[A-Za-z0-9]{3,32}$/.test(token!)) problems.push('WECHAT_TOKEN must be 3 to 32 letters and digits, the same as on the WeChat platform.');
  if (!/^wx[0-9a-f]{16}$/i.test(appId!)) problems.push(`WECHAT_APP_ID must look like wx followed by 16 letters and digits (got "${appId}").`);
  const encodingAesKey = value('WECHAT_ENCODING_AES_KEY');
  if (encodingAesKey !== undefined && !/^[A-Za-z0-9]{43}$/.test(encodingAesKey)) {
    problems.push('WECHAT_ENCODING_AES_KEY must be the 43 letters and digits shown on the WeChat platform (EncodingAESKey).');
  }
  const apiRoot = value('WECHAT_API_ROOT') ?? 'https://api.weixin.qq.com';
  try {
    new URL(apiRoot);
  } catch {
    problems.push(`WECHAT_API_ROOT must be a full URL (got "${apiRoot}").`);
  }
  const path = value('WECHAT_PATH') ?? '/wechat';
  if (!/^\/[A-Za-z0-9/_-]*$/.test(path) || path === '/' || path.startsWith('/chat') || path === '/healthz') {
    problems.push(`WECHAT_PATH must be a path of its own such as /wechat (got "${path}").`);
  }
  return { token: token!, appId: appId!, appSecret: appSecret!, ...(encodingAesKey ? { encodingAesKey } : {}), apiRoot, path };
}
