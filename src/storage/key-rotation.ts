import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { resealAttachment } from './attachment-files.js';
import type { Database } from './database.js';
import { SEALED_COLUMNS } from './data-key.js';
import type { FieldCipher } from './field-cipher.js';

/** What a rotation re-sealed. */
export interface RotationReport {
  values: number;
  files: number;
}

const BATCH = 500;

/**
 * Seals every personal value and attachment file again under the cipher's current key (values from
 * before encryption get sealed too). The cipher must still hold the old keys; each batch is one
 * transaction, so a rotation stopped half-way is simply run again.
 */
export async function rotateSealedData(db: Database, cipher: FieldCipher, attachmentsDir: string): Promise<RotationReport> {
  let values = 0;
  for (const { table, id, column } of SEALED_COLUMNS) {
    // Keyed by rowid so a batch's rows are found again even for text keys; what is already current is skipped.
    let after = 0;
    for (;;) {
      const rows = await db.all<{ rid: number; k: string | number; v: string | null }>(
        `SELECT rowid AS rid, ${id} AS k, ${column} AS v FROM ${table} WHERE rowid > ? AND ${column} IS NOT NULL ORDER BY rowid LIMIT ${BATCH}`,
        [after],
      );
      if (rows.length === 0) break;
      after = rows[rows.length - 1]!.rid;
      const updates = rows.flatMap((r) => {
        const sealed = cipher.reseal(r.v);
        return sealed === null ? [] : [{ rid: r.rid, sealed }];
      });
      if (updates.length === 0) continue;
      await db.transaction(async (tx) => {
        for (const u of updates) await tx.run(`UPDATE ${table} SET ${column} = ? WHERE rowid = ?`, [u.sealed, u.rid]);
      });
      values += updates.length;
    }
  }
  let files = 0;
  let names: string[] = [];
  try {
    names = await readdir(attachmentsDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  for (const name of names) {
    // Stored files are named by their random id; skip uploads in progress, probes and leftovers.
    if (!/^[0-9a-f]{32}$/.test(name)) continue;
    if (await resealAttachment(cipher, path.join(attachmentsDir, name))) files++;
  }
  // The old ciphertext must not stay in the write-ahead log either.
  await db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  return { values, files };
}
