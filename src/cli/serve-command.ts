import { createApp } from '../bot/app.js';
import { ConsoleChannel } from '../bot/console-channel.js';
import { createLogger } from '../bot/logger.js';
import type { RunningChannel } from '../bot/running-channel.js';
import { createStaffTelegram, type StaffTelegram } from '../bot/staff/telegram-staff.js';
import { startTelegram } from '../bot/telegram/start-telegram.js';
import { startWebChat } from '../bot/web/start-web-chat.js';
import { startConsole, type RunningConsole } from '../console/start-console.js';
import { tellConsoleOfHeldNotices } from '../console/held-notices.js';
import { startWechat } from '../bot/wechat/wechat-channel.js';
import { mountWechat, startWechatServer } from '../bot/wechat/wechat-server.js';
import type { Command } from './io.js';
import { purge } from '../bot/privacy/retention.js';
import { databaseOf } from '../storage/open-repositories.js';

/** How often the retention purge runs. */
const PURGE_EVERY_MS = 24 * 60 * 60 * 1000;

/** `fayuan serve` (`npm start`): the bot on every configured channel until SIGINT/SIGTERM. */
export const serveCommand: Command = async ({ stdin, stdout, stderr, config, shutdown }) => {
  const consoleChat =
    config.consoleChat === 'on' || (config.consoleChat === 'auto' && Boolean((stdin as NodeJS.ReadStream).isTTY));
  const logger = createLogger(consoleChat && config.logLevel === 'info' ? 'warn' : config.logLevel, stderr);
  const app = await createApp(config, logger, { waitForKnowledge: false });
  const channels: RunningChannel[] = [];
  let staff: StaffTelegram | undefined;
  let purgeTimer: NodeJS.Timeout | undefined;
  try {
    let webUrl: string | null = null;
    // WeChat's callback lives on the web chat's server, or on one of its own when the web chat is off.
    const wechat = config.wechat ? startWechat(app, config.wechat) : undefined;
    if (wechat) channels.push(wechat);
    if (config.webChat) {
      const web = await startWebChat(app, wechat ? { mount: mountWechat(wechat) } : {});
      webUrl = web.url;
      channels.push(web);
    } else if (wechat) {
      channels.push(await startWechatServer(app, wechat));
    }
    let staffConsole: RunningConsole | undefined;
    if (config.staffConsole.enabled) {
      staffConsole = await startConsole(app);
      channels.push(staffConsole);
      stdout.write(`fayuan: staff console on ${staffConsole.url}\n`);
      if (wechat) tellConsoleOfHeldNotices(wechat, staffConsole);
      if ((await staffConsole.staff.accounts.list()).length === 0) {
        stdout.write('fayuan: the staff console has no accounts yet: fayuan staff add NAME --role admin --password-stdin\n');
      }
    }
    if (config.telegram.mode !== 'off') {
      // The staff chat's updates can arrive as soon as polling starts: its handler exists first.
      const registerSender = staffConsole ? { registerSender: staffConsole.addStaffSender, handoffs: staffConsole.staff.live.handoff } : {};
      staff = config.telegram.staffChatId !== undefined ? createStaffTelegram(app, config.telegram, registerSender) : undefined;
      const telegram = await startTelegram(app, config.telegram, staff ? { onStaffUpdate: staff.onStaffUpdate } : {});
      channels.push(telegram);
      staff?.attach(telegram);
      if (staff) staffConsole?.leavePickupsToTelegram();
    }
    // Rows left pending by an earlier run go out now; the app reads the outbox every few seconds after that.
    const resumed = await app.dispatcher.resume();
    // The daily retention purge (RETAIN_*_DAYS): once at start, then every day.
    const db = databaseOf(app.repos);
    const runPurge = async () =>
      db &&
      purge(db, config.attachmentsDir, config.privacy.retentionDays)
        .then((report) => logger.info({ purged: Object.fromEntries(report.counts.map((c) => [c.kind, c.count])), files: report.files }, 'retention purge done'))
        .catch((error: unknown) => logger.error({ err: error instanceof Error ? error.name : 'unknown' }, 'retention purge failed'));
    void runPurge();
    purgeTimer = setInterval(() => void runPurge(), PURGE_EVERY_MS);
    purgeTimer.unref();
    logger.info({ channels: channels.map((c) => c.name), resumedOutbox: resumed, dataDir: config.dataDir }, 'fayuan is running');
    if (webUrl) stdout.write(`fayuan: web chat on ${webUrl}\n`);
    if (consoleChat) {
      stdout.write('fayuan: you can also chat here in the terminal. Ctrl+C stops the bot.\n\n');
      const console = new ConsoleChannel({ app, userId: 'local', input: stdin, output: stdout, interactive: Boolean((stdin as NodeJS.ReadStream).isTTY) });
      void console.run();
    }
    await new Promise<void>((resolve) => {
      if (shutdown.aborted) resolve();
      shutdown.addEventListener('abort', () => resolve(), { once: true });
    });
    logger.info('shutting down');
  } finally {
    clearInterval(purgeTimer);
    for (const channel of channels.reverse()) {
      await channel.close().catch((error: unknown) => logger.error({ channel: channel.name, err: String(error) }, 'channel did not close cleanly'));
    }
    await staff?.close().catch((error: unknown) => logger.error({ err: String(error) }, 'staff chat did not close cleanly'));
    await app.close();
  }
  return 0;
};
