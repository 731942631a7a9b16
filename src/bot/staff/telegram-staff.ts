import type { Context, Telegram } from 'telegraf';
import type { App } from '../app.js';
import { STAFF_CHANNEL, type ChannelSender } from '../channel.js';
import type { EnabledTelegramConfig, TelegramChannel } from '../telegram/start-telegram.js';
import { errorName } from '../telegram/update-handler.js';
import { overdueReply, startOverdueReminder, type OverdueReminder } from './overdue-reminder.js';
import { staffAuthorizer } from './telegram-staff-auth.js';
import { postText, type StaffChatContext } from './telegram-staff-chat.js';
import { StaffHandoffs } from './telegram-staff-handoffs.js';
import type { HandoffService } from '../../staff/handoff-service.js';
import { TelegramStaffSender } from './telegram-staff-sender.js';
import { createStaffUpdateHandler } from './telegram-staff-updates.js';
import { staffNames } from '../../staff/staff-names.js';

/** Tuning for tests; the defaults suit production. */
export interface StaffTelegramOptions {
  /** How often waiting requests for a person are checked against `handoff.pickupMinutes` (default: every 30 s, at most a tenth of the pickup time). */
  pickupCheckMs?: number;
  /** How often overdue cases are looked for (default 15 minutes). */
  overdueCheckMs?: number;
  now?: () => number;
  /** Where the staff chat's outbox sender goes (default: the `staff` channel itself; with the console, its fan-out). */
  registerSender?: (sender: ChannelSender) => void;
  /** The hand-off service to share (the console's, so a take in either place is seen in both). */
  handoffs?: HandoffService;
}

/** The staff side of the Telegram channel. */
export interface StaffTelegram {
  /** Pass to `startTelegram(app, config, { onStaffUpdate })`: handles everything from the staff chat. */
  onStaffUpdate: (ctx: Context) => Promise<void>;
  /** Starts posting to the staff chat through the channel's bot: the outbox's `staff` sender, the pickup timeout and overdue reminders. */
  attach(channel: Pick<TelegramChannel, 'bot'>): void;
  /** Runs the pickup timeout check once now (the timer does it periodically); returns the conversations timed out. */
  checkPickups(at?: number): Promise<string[]>;
  /** Stops the timers; waits for a check in progress. */
  close(): Promise<void>;
}

/** Message links kept for replies, and prompts, are forgotten after these ages. */
const MESSAGE_LINK_DAYS = 30;
const PROMPT_DAYS = 1;
const DAY_MS = 24 * 3_600_000;

/**
 * Builds the staff side of Telegram for the chat `config.staffChatId`. Two steps, because staff
 * updates may arrive as soon as polling starts:
 *
 * @example
 * const staff = createStaffTelegram(app, config.telegram);
 * const channel = await startTelegram(app, config.telegram, { onStaffUpdate: staff.onStaffUpdate });
 * staff.attach(channel);
 * // … on shutdown
 * await staff.close();
 */
export function createStaffTelegram(app: App, config: EnabledTelegramConfig, options: StaffTelegramOptions = {}): StaffTelegram {
  const chatId = config.staffChatId;
  if (chatId === undefined) throw new Error('The staff side needs TELEGRAM_STAFF_CHAT_ID: the id of the staff group the bot posts cases to.');
  const logger = app.logger.child({ channel: 'telegram-staff' });
  const now = options.now ?? Date.now;
  const chat: StaffChatContext = { app, chatId, store: app.repos.staffChat, logger, now };
  const handoffs = new StaffHandoffs(chat, options.handoffs);
  let telegram: Telegram | undefined;
  let pickupTimer: NodeJS.Timeout | undefined;
  let reminder: OverdueReminder | undefined;
  let checking: Promise<string[]> | undefined;
  const isStaff = staffAuthorizer({
    staffUserIds: config.staffUserIds,
    staffChatId: chatId,
    // Staff updates can come before `attach`: membership is then asked through the update's client.
    telegram: { getChatMember: (chat, user) => telegram!.getChatMember(chat, user) },
    now,
  });
  const handleUpdate = createStaffUpdateHandler({ chat, handoffs, isStaff });

  function checkPickups(at?: number): Promise<string[]> {
    const client = telegram;
    if (!client) return Promise.resolve([]);
    checking ??= (async () => {
      try {
        const keys = await handoffs.checkPickups(client, at);
        await chat.store.prune(now() - PROMPT_DAYS * DAY_MS, now() - MESSAGE_LINK_DAYS * DAY_MS);
        return keys;
      } finally {
        checking = undefined;
      }
    })();
    return checking;
  }

  return {
    onStaffUpdate: (ctx) => {
      telegram ??= ctx.telegram;
      return handleUpdate(ctx);
    },
    attach(channel) {
      telegram = channel.bot.telegram;
      const client = telegram;
      const sender = new TelegramStaffSender(chat, client);
      if (options.registerSender) options.registerSender(sender);
      else app.dispatcher.register(STAFF_CHANNEL, sender);
      const pickupMinutes = app.config.handoff.pickupMinutes;
      pickupTimer = setInterval(
        () => void checkPickups().catch((error: unknown) => logger.error({ err: errorName(error) }, 'pickup timeout check failed; will try again')),
        options.pickupCheckMs ?? Math.min(30_000, (pickupMinutes * 60_000) / 10),
      );
      pickupTimer.unref();
      const { cases, pack } = app.services;
      reminder = startOverdueReminder({
        cases,
        intervalMs: options.overdueCheckMs ?? 15 * 60_000,
        logger,
        now,
        announce: async (overdue) => {
          const reply = overdueReply(overdue, pack, now(), 'zh-CN', await staffNames(app.repos.staff?.accounts));
          await postText(client, chatId, reply.text, { choices: reply.choices });
        },
      });
      logger.info({ staffChat: true, byUserIds: config.staffUserIds.length > 0 }, 'staff chat attached');
    },
    checkPickups,
    async close() {
      clearInterval(pickupTimer);
      await reminder?.stop();
      await checking?.catch(() => undefined);
    },
  };
}
