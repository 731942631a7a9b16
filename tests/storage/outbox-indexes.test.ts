import path from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../helpers/temp-dir.js";
import { openDatabase, type Database } from "../../src/storage/database.js";
import { migrate } from "../../src/storage/migrate.js";
import { MIGRATIONS } from "../../src/storage/migrations/index.js";
import { ConversationStore } from "../../src/storage/conversation-store.js";

const plan = async (db: Database, sql: string, params: (string | number)[]) =>
  (await db.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, params))
    .map((r) => r.detail)
    .join(" | ");

/** An outbox row as the versions before 016 wrote it. */
const insert = (db: Database, key: string, status: string, at: number) =>
  db.run(
    'INSERT INTO outbox (conversation_key, channel, address, payload, status, next_attempt_at, created_at) VALUES (?, \'console\', ?, \'{"kind":"text","text":"hi"}\', ?, ?, ?)',
    [key, key, status, at, at],
  );

describe("outbox indexes (migration 016)", () => {
  it("a database from before the migration still delivers its waiting replies, found by index, and a sent one is no longer waiting", async () => {
    const db = await openDatabase(path.join(tempDir(), "old.sqlite"));
    await migrate(db, MIGRATIONS.filter((m) => m.version < 16));
    await insert(db, "console:a", "sent", 1);
    await insert(db, "console:a", "pending", 2);
    await insert(db, "console:b", "pending", 3);
    await insert(db, "console:a", "failed", 4);
    await insert(db, "console:a", "pending", 5);

    expect(await migrate(db, MIGRATIONS.filter((m) => m.version <= 16))).toEqual([16]);
    const store = new ConversationStore(db);
    expect(
      (await store.pendingOutbox()).map((m) => [
        m.conversationKey,
        m.createdAt,
      ]),
    ).toEqual([
      ["console:a", 2],
      ["console:b", 3],
      ["console:a", 5],
    ]);
    expect(
      (await store.pendingOutboxFor("console:a")).map((m) => m.createdAt),
    ).toEqual([2, 5]);

    // Neither read walks the whole table.
    expect(
      await plan(
        db,
        "SELECT id, payload FROM outbox WHERE status = 'pending' ORDER BY id LIMIT ?",
        [10],
      ),
    ).toMatch(/USING (COVERING )?INDEX outbox_waiting\b/);
    expect(
      await plan(
        db,
        "SELECT id, payload FROM outbox WHERE conversation_key = ? AND status = 'pending' ORDER BY id LIMIT ?",
        ["console:a", 10],
      ),
    ).toMatch(
      /USING (COVERING )?INDEX outbox_by_conversation_id \(conversation_key=\?\)/,
    );

    const [first] = await store.pendingOutbox(1);
    await store.markSent([first!.id], 10);
    expect(
      (await store.pendingOutboxFor("console:a")).map((m) => m.createdAt),
    ).toEqual([5]);
    expect((await store.pendingOutbox()).map((m) => m.createdAt)).toEqual([
      3, 5,
    ]);
    await db.close();
  });
});
