import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { App } from '../../src/bot/app.js';
import { JsonlChat, parseJsonlLine, type JsonlReply } from '../../src/cli/chat-jsonl.js';
import type { StaffRelay } from '../../src/flows/staff-relay.js';
import { tempDir } from '../helpers/temp-dir.js';
import { testApp } from '../helpers/test-app.js';
import { expectNoButtons, matchesButton } from './button-checks.js';
import { CHOICE_ID } from '../../src/bot/web/web-protocol.js';

/** One step of a transcript (tests/transcripts/README.md). */
interface Step {
  say?: string;
  choice?: string;
  command?: string;
  /** Staff or a timer: `joined`, `message`, `released`, `timeout`. */
  staff?: 'joined' | 'message' | 'released' | 'timeout';
  locale?: 'zh-CN' | 'en';
  /** The reply keys, exactly and in order. */
  replies?: string[];
  /** Keys that must be among the replies (when the exact list does not matter). */
  has?: string[];
  /** Keys that must not be among the replies. */
  not?: string[];
  /** Texts that must appear in the replies, joined. */
  contains?: string[];
  /** Texts that must not appear in the replies. */
  lacks?: string[];
  /** Choice ids the last reply's buttons must include (a web page shows only the last reply's buttons); `x:*` is a prefix. */
  buttons?: string[];
  /** Choice ids (or `x:*` prefixes) that no reply of the turn may offer (button-checks.ts). */
  notButtons?: string[];
  /** The id of the last reply's first button (what a resident sees first). */
  firstButton?: string;
  /** Texts the last reply's button labels must include, each in some label. */
  labels?: string[];
  /** A subset of the last reply's meta. */
  meta?: Record<string, unknown>;
  /** The kinds of what was passed to staff. */
  relays?: string[];
  /** The reply came from the knowledge base (`meta.faq` is set). */
  kb?: boolean;
}

interface Transcript {
  name: string;
  /** `fresh` (default): a new conversation; `menu`: consented; `intake`: consented and applying. */
  start?: 'fresh' | 'menu' | 'intake';
  /** A staff channel is configured. */
  staff?: boolean;
  /** PRIVACY_SENSITIVE_CONSENT=on: a separate agreement before the sensitive questions (`start: intake` agrees to it). */
  sensitiveConsent?: boolean;
  locale?: 'zh-CN' | 'en';
  steps: Step[];
}

const DIR = import.meta.dirname;
const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();
const STAFF_ENV = { TELEGRAM_BOT_TOKEN: '123456:transcripts', TELEGRAM_STAFF_CHAT_ID: '-100123', TELEGRAM_API_ROOT: 'http://127.0.0.1:9' };

const apps = new Map<string, Promise<{ app: App; chat: JsonlChat }>>();
/**
 * One app per setting: a staff channel or not; the separate sensitive-information consent on or off (the embedded
 * default); and whether conversations keep their machine between turns or rest as text after every turn
 * (HOT_CONVERSATIONS=0): every other transcript runs resting, so both must tell residents the same.
 * HOT_CONVERSATIONS in the environment sets it for all.
 */
function appFor(staff: boolean, sensitive: boolean, resting: boolean) {
  const hot = process.env.HOT_CONVERSATIONS ?? (resting ? '0' : undefined);
  const key = `${staff ? 'staff' : 'plain'}:${sensitive ? 'sensitive' : 'default'}:${hot ?? 'default'}`;
  let entry = apps.get(key);
  if (!entry) {
    const env = { ...(staff ? STAFF_ENV : {}), ...(sensitive ? { PRIVACY_SENSITIVE_CONSENT: 'on' } : {}), ...(hot ? { HOT_CONVERSATIONS: hot } : {}) };
    entry = testApp(tempDir(), env).then((app) => ({ app, chat: new JsonlChat(app) }));
    apps.set(key, entry);
  }
  return entry;
}
afterAll(async () => {
  for (const entry of apps.values()) await (await entry).app.close();
});

const PREFIX: Record<string, Step[]> = {
  fresh: [],
  menu: [{ command: '/start' }, { choice: 'consent.agree' }],
  intake: [{ command: '/start' }, { choice: 'consent.agree' }, { choice: 'menu.apply' }],
};

let users = 0;

async function runStep(app: App, chat: JsonlChat, user: string, step: Step, turn: number, locale?: 'zh-CN' | 'en') {
  if (step.staff) {
    const event =
      step.staff === 'joined' ? { type: 'staff.joined' as const, staffName: '王老师' }
      : step.staff === 'message' ? { type: 'staff.message' as const, staffName: '王老师', text: '您好，我是值班律师。' }
      : step.staff === 'released' ? { type: 'staff.released' as const, staffName: '王老师' }
      : { type: 'handoff.timeout' as const };
    const result = await app.runner.dispatch(`console:${user}`, event);
    const replies = result ? result.replies.map((r) => ({ key: r.key ?? '', text: r.text, choices: r.choices, meta: {} })) : [];
    return { replies: replies as Pick<JsonlReply, 'key' | 'text' | 'choices' | 'meta'>[], relays: [] as StaffRelay[] };
  }
  const line = step.say !== undefined ? { user, text: step.say } : step.choice !== undefined ? { user, choice: step.choice } : { user, command: step.command };
  const parsed = parseJsonlLine(JSON.stringify({ ...line, ...(step.locale ?? locale ? { locale: step.locale ?? locale } : {}) }), user);
  if (!parsed || 'error' in parsed) throw new Error(`bad step ${JSON.stringify(step)}`);
  return chat.handleWithRelays(parsed, turn);
}

for (const file of files) {
  const transcripts = parse(fs.readFileSync(path.join(DIR, file), 'utf8')) as Transcript[];
  describe(file, () => {
    it.each(transcripts.map((t) => [t.name, t] as const))('%s', async (_name, transcript) => {
      const user = `t${++users}`;
      const { app, chat } = await appFor(transcript.staff === true, transcript.sensitiveConsent === true, users % 2 === 0);
      let turn = 0;
      const prefix = [...PREFIX[transcript.start ?? 'fresh']!, ...(transcript.start === 'intake' && transcript.sensitiveConsent ? [{ choice: 'privacy.sensitive.agree' }] : [])];
      for (const step of prefix) await runStep(app, chat, user, step, ++turn, transcript.locale);
      for (const [i, step] of transcript.steps.entries()) {
        const { replies, relays } = await runStep(app, chat, user, step, ++turn, transcript.locale);
        const where = `step ${i + 1} (${step.say ?? step.choice ?? step.command ?? step.staff}) → ${replies.map((r) => r.key).join(', ')}`;
        const keys = replies.map((r) => r.key);
        // A web page shows only the last message's buttons: a turn's earlier buttons must not vanish under it
        // (before consent the privacy question comes last by design).
        const lastIds = new Set((replies.at(-1)?.choices ?? []).map((c) => c.id));
        if (!['core.consent.remind', 'core.privacy'].includes(replies.at(-1)?.key ?? '')) {
          for (const r of replies.slice(0, -1)) {
            const lost = (r.choices ?? []).map((c) => c.id).filter((id) => !lastIds.has(id));
            expect(lost, `${where}: buttons of ${r.key} hidden by the last message`).toEqual([]);
          }
        }
        // A button the web chat would refuse when pressed (a space or a Chinese character in its id) is a dead button.
        const refused = replies.flatMap((r) => (r.choices ?? []).map((c) => c.id)).filter((id) => !CHOICE_ID.test(id) || Buffer.byteLength(id) > 64);
        expect(refused, `${where}: button ids the web chat or Telegram cannot send back`).toEqual([]);
        if (step.replies) expect(keys, where).toEqual(step.replies);
        for (const key of step.has ?? []) expect(keys, where).toContain(key);
        for (const key of step.not ?? []) expect(keys, where).not.toContain(key);
        const text = replies.map((r) => r.text).join('\n');
        for (const part of step.contains ?? []) expect(text, where).toContain(part);
        for (const part of step.lacks ?? []) expect(text, where).not.toContain(part);
        const ids = (replies.at(-1)?.choices ?? []).map((c) => c.id);
        // "withdraw:*" matches any id that starts with "withdraw:" (ids that carry a case reference).
        for (const wanted of step.buttons ?? []) {
          expect(ids.some((id) => matchesButton(id, wanted)), `${where}: button ${wanted} in [${ids.join(', ')}]`).toBe(true);
        }
        if (step.firstButton) expect(ids[0], where).toBe(step.firstButton);
        const labels = (replies.at(-1)?.choices ?? []).map((c) => c.label);
        for (const part of step.labels ?? []) expect(labels.some((l) => l.includes(part)), `${where}: a button labelled …${part}… in [${labels.join(', ')}]`).toBe(true);
        expectNoButtons(where, replies, step.notButtons ?? []);
        if (step.meta) expect(replies.at(-1)?.meta, where).toMatchObject(step.meta);
        if (step.kb !== undefined) {
          const faq = (replies.at(-1)?.meta as { faq?: unknown } | undefined)?.faq ?? null;
          if (step.kb) expect(faq, where).not.toBeNull();
          else expect(faq, where).toBeNull();
        }
        if (step.relays) expect(relays.map((r) => r.kind), where).toEqual(step.relays);
      }
    });
  });
}
