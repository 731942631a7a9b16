import type { Command } from './io.js';

/** Loads a command's module only when it runs, so `fayuan assess` does not load Telegram or Botkit. */
const lazy =
  <M>(load: () => Promise<M>, pick: (m: M) => Command): Command =>
  async (ctx) =>
    pick(await load())(ctx);

/** Every `fayuan` command: name → implementation, and a one-line description for `fayuan help`. */
export const COMMANDS: Record<string, { run: Command; summary: string }> = {
  serve: {
    run: lazy(() => import('./serve-command.js'), (m) => m.serveCommand),
    summary: 'run the bot (web chat, Telegram when configured, console in a terminal)',
  },
  chat: {
    run: lazy(() => import('./chat-command.js'), (m) => m.chatCommand),
    summary: 'chat with the bot in this terminal; scripted when stdin is not a terminal',
  },
  assess: {
    run: lazy(() => import('./assess-command.js'), (m) => m.assessCommand),
    summary: 'read applicant facts as JSON Lines on stdin, write one eligibility decision per line',
  },
  policy: {
    run: lazy(() => import('./policy-check-command.js'), (m) => m.policyCheckCommand),
    summary: 'policy check [dir] [--lang en]: check a policy pack folder; each problem with its file, line and what is wrong',
  },
  cases: {
    run: lazy(() => import('./cases-command.js'), (m) => m.casesCommand),
    summary: 'cases list|show|stats and staff actions (claim, accept, …) on submitted cases',
  },
  kb: {
    run: lazy(() => import('./kb-command.js'), (m) => m.kbCommand),
    summary: 'kb list|show|add|edit|remove|import|export|history|revert|ask|unanswered|eval: the FAQ knowledge base',
  },
  staff: {
    run: lazy(() => import('./staff-command.js'), (m) => m.staffCommand),
    summary: 'staff add|list|disable|reset-password: accounts of the staff console',
  },
  audit: {
    run: lazy(() => import('./audit-command.js'), (m) => m.auditCommand),
    summary: 'audit [--account NAME] [--action A] [--ref REF]: who viewed and did what, newest first',
  },
  purge: {
    run: lazy(() => import('./purge-command.js'), (m) => m.purgeCommand),
    summary: 'purge [--dry-run]: delete what is older than its retention period (RETAIN_*_DAYS), by kind and age',
  },
  keys: {
    run: lazy(() => import('./keys-command.js'), (m) => m.keysCommand),
    summary: 'keys rotate|show-id: encrypt the data again under a new data key (stop the bot first)',
  },
  wechat: {
    run: lazy(() => import('./wechat-command.js'), (m) => m.wechatCommand),
    summary: 'wechat menu|held: create the official account menu; list notices waiting for the 48-hour rule',
  },
  bench: {
    run: lazy(() => import('./bench-command.js'), (m) => m.benchCommand),
    summary: 'benchmark conversations (and knowledge-base queries) against a baseline measured in the same run',
  },
};
