import path from 'node:path';
import { BUILT_IN_POLICY_DIR, ownPolicyDir } from '../config.js';
import type { App } from '../bot/app.js';
import { STAFF_CHANNEL, DeliveryError, type ChannelSender, type OutboundMessage } from '../bot/channel.js';
import type { RunningChannel } from '../bot/running-channel.js';
import { StaffAuth } from '../staff/staff-auth.js';
import { StaffCases } from '../staff/staff-cases.js';
import { startOverdueReminder } from '../bot/staff/overdue-reminder.js';
import { StaffEventBus } from '../staff/staff-events.js';
import type { AccountRepository, AuditLog } from '../staff/staff-ports.js';
import { StaffLive } from '../staff/staff-live.js';
import { StaffReports } from '../staff/staff-reports.js';
import { StaffKb } from '../staff/staff-kb.js';
import { renderReply } from '../locales/render.js';
import { kbRoutes } from './kb-routes.js';
import { policyRoutes } from './policy-routes.js';
import { PolicyFolder, type FolderIo } from '../knowledge/policy/policy-folder.js';
import { StaffPolicy } from '../staff/staff-policy.js';
import type { ConsoleServices, Route } from './console-api.js';
import { createConsoleHandler, listenConsole } from './console-server.js';

/** The staff service over the running app, shared by the console, Telegram and the CLI. */
export interface StaffServices {
  auth: StaffAuth;
  cases: StaffCases;
  live: StaffLive;
  reports: StaffReports;
  kb: StaffKb;
  policy: StaffPolicy;
  events: StaffEventBus;
  accounts: AccountRepository;
  audit: AuditLog;
}

/** Builds the staff service on the app's repositories and conversations. */
export function createStaffServices(
  app: Pick<App, 'repos' | 'runner' | 'dispatcher' | 'services' | 'logger' | 'config'>,
  now: () => number = Date.now,
  policyIo?: Partial<FolderIo>,
): StaffServices {
  const repos = app.repos.staff;
  if (!repos) throw new Error('The staff console needs the staff repositories (accounts, audit, …); this storage has none.');
  const { accounts, audit } = repos;
  const events = new StaffEventBus();
  const auth = new StaffAuth({ accounts, sessions: repos.sessions, throttle: repos.throttle, audit, now });
  const cases = new StaffCases({
    cases: app.services.cases,
    assignments: repos.assignments,
    attachments: app.repos.attachments,
    notes: repos.notes,
    accounts,
    audit,
    pack: app.services.pack,
    events,
    held: app.repos.wechatHeld,
    dispatcher: app.dispatcher,
    logger: app.logger,
    now,
  });
  const live = new StaffLive({
    handoffs: repos.handoffs,
    relays: repos.relays,
    canned: repos.canned,
    transcripts: app.repos.conversations,
    attachments: app.repos.attachments,
    cases: app.services.cases,
    pack: app.services.pack,
    runner: app.runner,
    audit,
    events,
    pickupMinutes: app.config.handoff.pickupMinutes,
    now,
  });
  const reports = new StaffReports({ rows: repos.reports, pack: app.services.pack, audit, now });
  const kb = new StaffKb({
    store: app.repos.knowledge,
    // Exactly what the bot does with a resident's question (the same call the conversation makes).
    tryQuestion: async (question, locale) => {
      // As typed at the main menu, where residents ask most of their questions.
      const understood = await app.services.understandText({ text: question, locale, where: { kind: 'menu' } });
      const { meaning } = understood;
      return {
        intent: meaning.kind === 'steer' ? meaning.intent : meaning.kind,
        band: understood.answer.band,
        topic: understood.answer.topic,
        replies: understood.answer.replies.map((reply) => renderReply(reply, locale)),
      };
    },
    refresh: () => app.services.knowledge.refreshIfChanged(),
    audit,
    events,
    accounts,
    now,
  });
  // The running bot's own pack: a standard added on the 本地政策 page is in force for it at once.
  const shippedPack = path.resolve(app.config.policyDir) === BUILT_IN_POLICY_DIR;
  // The shipped pack is never written: the first change makes the centre's own copy under the data folder.
  const folder = new PolicyFolder(shippedPack ? ownPolicyDir(app.config.dataDir) : app.config.policyDir, app.services.pack, {
    now,
    ...(shippedPack ? { seedFrom: app.config.policyDir } : {}),
    ...(policyIo ? { io: policyIo } : {}),
  });
  const policy = new StaffPolicy({
    folder,
    pack: app.services.pack,
    audit,
    now,
  });
  return { auth, cases, live, reports, kb, policy, events, accounts, audit };
}

/**
 * The outbox sender of the `staff` channel while the console runs: keeps each relay for the console
 * (and tells it), then hands the message to the other staff front ends (the Telegram group), if any.
 */
export class StaffFanOut implements ChannelSender {
  private readonly others: ChannelSender[] = [];

  constructor(
    private readonly live: StaffLive,
    /** Looks up a new case to announce on the change feed. */
    private readonly caseOf: (ref: string) => Promise<{ ref: string; route: string | null; urgent: boolean; status: string } | undefined>,
    private readonly events: StaffEventBus,
  ) {}

  add(sender: ChannelSender): void {
    this.others.push(sender);
  }

  async send(message: OutboundMessage): Promise<void> {
    const { payload } = message;
    if (payload.kind !== 'staff') throw new DeliveryError('Only staff relays go to staff.', { permanent: true });
    await this.live.receive(payload.conversationKey, payload.relay, message.id);
    if (payload.relay.kind === 'new_case') {
      const c = await this.caseOf(payload.relay.ref);
      if (c) this.events.publish({ type: 'case.created', ref: c.ref, office: c.route, urgent: c.urgent });
    } else if (payload.relay.kind === 'materials_received' || payload.relay.kind === 'case_note') {
      // The case page and inbox refresh: its materials (or the applicant's message about them) arrived.
      const c = await this.caseOf(payload.relay.ref);
      if (c) this.events.publish({ type: 'case.changed', ref: c.ref, office: c.route, status: c.status });
    } else if (payload.relay.kind === 'case_withdrawn') {
      const c = await this.caseOf(payload.relay.ref);
      if (c) {
        this.events.publish({ type: 'case.changed', ref: c.ref, office: c.route, status: 'withdrawn' });
        this.events.publish({ type: 'case.withdrawn', ref: c.ref, office: c.route });
      }
    }
    for (const other of this.others) await other.send(message);
  }
}

export interface RunningConsole extends RunningChannel {
  url: string;
  port: number;
  staff: StaffServices;
  /** Pass to the Telegram staff side so the staff chat gets relays too. */
  addStaffSender(sender: ChannelSender): void;
  /** The Telegram group checks the pickup timeout (and says so in the group): the console stops doing it. */
  leavePickupsToTelegram(): void;
}

/** Options for tests. */
export interface ConsoleOptions {
  port?: number;
  host?: string;
  now?: () => number;
  pickupCheckMs?: number;
  pingMs?: number;
  /** The pages' version announced on the change feed (default: a hash of the pages). */
  build?: string;
  overdueCheckMs?: number;
  extraRoutes?: (staff: StaffServices) => Route[];
  /** File operations of the policy folder (tests play a folder the bot may not write). */
  policyIo?: Partial<FolderIo>;
}

/**
 * Starts the staff console on `STAFF_PORT` (on HOST) in the serving process: the pages, the API and
 * the change feed; registers the `staff` outbox channel so relays reach the console with or without
 * a Telegram group; checks the pickup timeout.
 */
export async function startConsole(app: App, options: ConsoleOptions = {}): Promise<RunningConsole> {
  const now = options.now ?? Date.now;
  const staff = createStaffServices(app, now, options.policyIo);
  const fanOut = new StaffFanOut(staff.live, (ref) => app.services.cases.get(ref), staff.events);
  app.dispatcher.register(STAFF_CHANNEL, fanOut);
  const logger = app.logger.child({ channel: 'console' });
  const services: ConsoleServices = {
    auth: staff.auth,
    cases: staff.cases,
    live: staff.live,
    reports: staff.reports,
    accounts: staff.accounts,
    audit: staff.audit,
    pack: app.services.pack,
    dataDir: app.config.dataDir,
    attachmentsDir: app.config.attachmentsDir,
    uploads: app.config.attachments,
    extraRoutes: [...kbRoutes(staff.kb), ...policyRoutes(staff.policy), ...(options.extraRoutes?.(staff) ?? [])],
    now,
    onError: (error) => logger.error({ err: error instanceof Error ? error.name : 'unknown', msg: error instanceof Error ? error.message.slice(0, 200) : '' }, 'console request failed'),
  };
  const handler = createConsoleHandler(services, { secureCookie: app.config.staffConsole.secureCookie, events: staff.events, ...(options.pingMs ? { pingMs: options.pingMs } : {}), ...(options.build ? { build: options.build } : {}) });
  const server = await listenConsole(handler, options.host ?? app.config.host, options.port ?? app.config.staffConsole.port);
  const pickupMinutes = app.config.handoff.pickupMinutes;
  let checkPickups = true;
  const timer = setInterval(() => {
    if (checkPickups) staff.live.checkPickups().catch((error: unknown) => logger.error({ err: error instanceof Error ? error.name : 'unknown' }, 'pickup check failed'));
    staff.auth.prune().catch(() => undefined);
  }, options.pickupCheckMs ?? Math.min(30_000, (pickupMinutes * 60_000) / 10));
  timer.unref();
  // Reminders: a case that becomes overdue is announced on the change feed, so open inboxes show it.
  const reminder = startOverdueReminder({
    cases: app.services.cases,
    intervalMs: options.overdueCheckMs ?? 5 * 60_000,
    repeatMs: 3_600_000,
    now,
    logger,
    announce: (overdue) => {
      for (const c of overdue) staff.events.publish({ type: 'case.changed', ref: c.ref, office: c.route, status: c.status });
    },
  });
  logger.info({ port: server.port }, 'staff console listening');
  return {
    name: 'console',
    url: server.url,
    port: server.port,
    staff,
    addStaffSender: (sender) => fanOut.add(sender),
    leavePickupsToTelegram: () => {
      checkPickups = false;
    },
    async close() {
      clearInterval(timer);
      await reminder.stop();
      await server.close();
    },
  };
}
