import { isObject, withIntakeContext, type Json } from '../flows/stored-snapshot.js';

/**
 * Upgrades stored conversation snapshots when the conversation machine changes, so an application in progress
 * carries on at the question it was at instead of starting over. Each migration turns a snapshot of one version into
 * one of the next; `migrateConversation` chains them. A version with no path to the current one returns `undefined`
 * and the runner restarts that conversation politely.
 */

/** One step of the chain: a snapshot written by version `from` made acceptable to version `to`. */
export interface ConversationMigration {
  from: string;
  to: string;
  migrate(snapshot: Json): Json;
}

/** The migrations, oldest first. */
export const CONVERSATION_MIGRATIONS: readonly ConversationMigration[] = [
  {
    // v2: the intake remembers the answer being changed from the summary (`changing`), so it is asked again.
    from: '1',
    to: '2',
    migrate: (snapshot) => withIntakeContext(snapshot, (context) => ({ changing: null, ...context })),
  },
];

/**
 * The snapshot written by machine version `fromVersion`, upgraded to `toVersion`; `undefined` when there is no
 * chain of migrations between them (or the snapshot is not an object).
 * @example migrateConversation(stored.snapshot, stored.machineVersion, CONVERSATION_MACHINE_VERSION)
 */
export function migrateConversation(
  snapshot: unknown,
  fromVersion: string,
  toVersion: string,
  migrations: readonly ConversationMigration[] = CONVERSATION_MIGRATIONS,
): unknown {
  if (!isObject(snapshot)) return undefined;
  let current: Json = snapshot;
  let version = fromVersion;
  const seen = new Set<string>();
  while (version !== toVersion) {
    if (seen.has(version)) return undefined;
    seen.add(version);
    const step = migrations.find((m) => m.from === version);
    if (!step) return undefined;
    current = step.migrate(current);
    version = step.to;
  }
  return current;
}
