import path from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../helpers/temp-dir.js";
import { openDatabase, type Database } from "../../src/storage/database.js";
import { migrate } from "../../src/storage/migrate.js";
import { MIGRATIONS } from "../../src/storage/migrations/index.js";
import { ConversationStore } from "../../src/storage/conversation-store.js";
import { WAITING } from "../../src/storage/outbox-waiting.js";
import { RetentionStore } from "../../src/storage/retention-store.js";

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

    expect(await migrate(db)).toEqual([16, 17, 18]);
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

    // Neither read walks the whole table: the waiting ids are their own table since migration 018.
    const waiting = await plan(
      db,
      `SELECT o.id, o.payload FROM outbox o WHERE ${WAITING} ORDER BY o.id LIMIT ?`,
      [10],
    );
    expect(waiting).not.toMatch(/\bSCAN\b/);
    expect(waiting).toMatch(/outbox_unsent/);
    expect(
      await plan(
        db,
        `SELECT o.id, o.payload FROM outbox o WHERE o.conversation_key = ? AND ${WAITING} ORDER BY o.id LIMIT ?`,
        ["console:a", 10],
      ),
    ).toMatch(
      /USING (COVERING )?INDEX outbox_by_conversation_id \(conversation_key=\?/,
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

describe("waiting outbox ids (migration 018)", () => {
  it("a sent mark leaves the message's row as written; waiting, sent and dead letters stay apart", async () => {
    const db = await openDatabase(path.join(tempDir(), "old.sqlite"));
    await migrate(db, MIGRATIONS.filter((m) => m.version < 18));
    const t = Date.now() - 10 * 86_400_000;
    await insert(db, "console:a", "sent", t);
    await insert(db, "console:a", "pending", t + 1);
    await insert(db, "console:b", "pending", t + 2);
    await insert(db, "console:a", "failed", t + 3);
    expect(await migrate(db)).toEqual([18]);
    const store = new ConversationStore(db);
    expect((await store.pendingOutbox()).map((m) => m.createdAt)).toEqual([t + 1, t + 2]);

    const rowOf = (id: number) => db.get("SELECT * FROM outbox WHERE id = ?", [id]);
    const [first, second] = await store.pendingOutbox();
    const before = await rowOf(first!.id);
    await store.markSent([first!.id], Date.now());
    await store.idle();
    // Not rewritten: only its id left the waiting ones.
    expect(await rowOf(first!.id)).toEqual(before);
    expect((await store.pendingOutbox()).map((m) => m.id)).toEqual([second!.id]);
    expect(await store.pendingOutboxFor("console:a")).toEqual([]);

    // A dead letter is no longer waiting either.
    await store.recordAttempt(second!.id, 5, Date.now(), true);
    expect(await store.pendingOutbox()).toEqual([]);

    // New messages wait until marked; the purge of sent messages takes the old 'sent' row and the one
    // marked since, and neither the waiting message nor the dead letters.
    const ids = await store.commitTurn({
      conversation: { key: "console:c", channel: "console", address: "c", machineVersion: "v", snapshot: {}, recentMessageIds: [], updatedAt: t },
      forgetTranscript: false,
      transcript: [],
      outbox: [{ payload: { kind: "text", text: "hi" } }],
      at: t + 4,
    });
    expect((await store.pendingOutbox()).map((m) => m.id)).toEqual(ids);
    const cutoffs = { transcript: 0, idleConversations: 0, sentOutbox: Date.now(), deadLetters: 0, closedCases: 0 };
    const planned = await new RetentionStore(db).plan(cutoffs);
    expect(planned.find((c) => c.kind === "sentOutbox")).toMatchObject({ count: 2, oldestAt: t });
    await db.close();
  });
});
