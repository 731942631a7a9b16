import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../helpers/temp-dir.js';
import { openCheckedRepositories } from '../../src/storage/open-repositories.js';
import { cleanMarkerFile } from '../../src/storage/clean-shutdown.js';
import { EXIT_CODES, StartupError } from '../../src/storage/data-folder.js';

function folder() {
  const dataDir = tempDir();
  return { dataDir, attachmentsDir: path.join(dataDir, 'attachments'), databaseFile: path.join(dataDir, 'fayuan.sqlite') };
}

/** A database that opens and takes writes, with one table's pages overwritten (what a bad disk does). */
async function damagedAfterCleanClose(config: ReturnType<typeof folder>): Promise<void> {
  const repos = await openCheckedRepositories(config);
  await repos.db.exec('CREATE TABLE filler (v BLOB)');
  for (let i = 0; i < 50; i++) await repos.db.run('INSERT INTO filler VALUES (randomblob(3000))');
  const { rootpage } = (await repos.db.get<{ rootpage: number }>("SELECT rootpage FROM sqlite_master WHERE name = 'filler'"))!;
  const { page_size } = (await repos.db.get<{ page_size: number }>('PRAGMA page_size'))!;
  await repos.close();
  const fd = fs.openSync(config.databaseFile, 'r+');
  fs.writeSync(fd, Buffer.alloc(page_size, 0xa5), 0, page_size, (rootpage - 1) * page_size);
  fs.closeSync(fd);
}

describe('the start-up integrity check', () => {
  it('leaves a clean-shutdown marker only after a clean close', async () => {
    const config = folder();
    const repos = await openCheckedRepositories(config);
    expect(fs.existsSync(cleanMarkerFile(config.databaseFile))).toBe(false);
    await repos.close();
    expect(fs.existsSync(cleanMarkerFile(config.databaseFile))).toBe(true);
    const again = await openCheckedRepositories(config);
    // Open again: a crash from here on must not look like a clean shutdown.
    expect(fs.existsSync(cleanMarkerFile(config.databaseFile))).toBe(false);
    await again.close();
  });

  it('refuses to start on a damaged database when the last run did not close cleanly', async () => {
    const config = folder();
    await damagedAfterCleanClose(config);
    fs.rmSync(cleanMarkerFile(config.databaseFile)); // as after a crash
    const error = await openCheckedRepositories(config).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StartupError);
    expect((error as StartupError).exitCode).toBe(EXIT_CODES.databaseDamaged);
    expect((error as StartupError).message).toMatch(/is damaged .*restore the data folder from a backup/);
  });

  it('after a clean close starts at once and reports damage found by the deferred check', async () => {
    const config = folder();
    await damagedAfterCleanClose(config);
    const repos = await openCheckedRepositories(config, { deferredCheckDelayMs: 0 });
    expect(repos.integrity).toBeDefined();
    expect(await repos.integrity).toMatch(/^fayuan: the database fayuan\.sqlite is damaged/);
    await repos.close();
  });

  it('finds nothing on a sound database after a clean close', async () => {
    const config = folder();
    await (await openCheckedRepositories(config)).close();
    const repos = await openCheckedRepositories(config, { deferredCheckDelayMs: 0 });
    expect(await repos.integrity).toBeNull();
    await repos.close();
  });
});
