import { createHash, randomBytes } from 'node:crypto';
import { constants, promises as nodeFs } from 'node:fs';
import path from 'node:path';
import { checkPolicyPackWith } from './load-policy-pack.js';
import { addStandardToRegionsYaml } from './new-standard.js';
import type { MeansStandard, PolicyPack, PolicyProblem } from './types.js';

/** The file operations the folder uses (tests replace some to play a folder the bot may not write). */
export type FolderIo = Pick<typeof nodeFs, 'access' | 'readFile' | 'open' | 'rename' | 'unlink' | 'mkdir' | 'copyFile' | 'stat' | 'chmod' | 'readdir'>;

export type AddStandardOutcome =
  | { ok: true; backup: string }
  | { ok: false; reason: 'not_writable' | 'changed' }
  | { ok: false; reason: 'pack_invalid'; problems: PolicyProblem[] };

const REGIONS = 'regions.yaml';
/** Where the file as it was before each change is kept, inside the policy folder. */
export const PREVIOUS_DIR = 'previous';

/** A fingerprint of regions.yaml's text: a change made from a page showing an older one is refused. */
function fingerprint(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

function isPermissionError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'EACCES' || code === 'EPERM' || code === 'EROFS';
}

/**
 * The policy folder on disk and the pack the running bot reads. Adding a standard rewrites regions.yaml
 * atomically (a new file beside it, flushed, then renamed over it), keeps the file as it was under
 * `previous/`, and gives the running bot the new standards at once: the same region objects get the new
 * list, so every conversation, decision and FAQ answer sees it without a restart. Changes are one at a time.
 */
export class PolicyFolder {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly io: FolderIo;
  private readonly now: () => number;
  private readonly seedFrom: string | undefined;

  /**
   * `seedFrom`: the shipped pack the bot reads while `dir` has no pack yet. It is never written: the first change
   * copies its files into `dir` (the centre's own copy under the data folder, which the next start reads).
   */
  constructor(
    readonly dir: string,
    /** The pack the running bot reads (`ConversationServices.pack`). */
    readonly live: PolicyPack,
    options: { io?: Partial<FolderIo>; now?: () => number; seedFrom?: string } = {},
  ) {
    this.io = { ...nodeFs, ...options.io } as FolderIo;
    this.now = options.now ?? Date.now;
    this.seedFrom = options.seedFrom;
  }

  private get regionsFile(): string {
    return path.join(this.dir, REGIONS);
  }

  /** The folder the pack is read from now: the own copy, or the shipped pack until the first change. */
  private async current(): Promise<string> {
    if (this.seedFrom === undefined || (await this.exists(path.join(this.dir, 'pack.yaml')))) return this.dir;
    return this.seedFrom;
  }

  /** A fingerprint of regions.yaml as it is now: a change made from a page showing an older one is refused. */
  async revision(): Promise<string> {
    return fingerprint(await this.io.readFile(path.join(await this.current(), REGIONS), 'utf8'));
  }

  /** Whether the bot may write the folder and regions.yaml (the page says so before anyone types). */
  async writable(): Promise<boolean> {
    try {
      // No own copy yet: the folder it will be made in (the data folder) must take it.
      if ((await this.current()) !== this.dir) {
        await this.io.access(path.dirname(this.dir), constants.W_OK);
        return true;
      }
      await this.io.access(this.dir, constants.W_OK);
      await this.io.access(this.regionsFile, constants.W_OK);
      return true;
    } catch {
      return false;
    }
  }

  /** Copies the shipped pack's files into `dir`, once, before its first change there. */
  private async makeOwnCopy(from: string): Promise<void> {
    await this.io.mkdir(this.dir, { recursive: true });
    for (const name of await this.io.readdir(from)) {
      if (name.endsWith('.yaml')) await this.io.copyFile(path.join(from, name), path.join(this.dir, name));
    }
  }

  /** Adds `standard` to the region in regions.yaml, when the file is still at `revision`. */
  addStandard(regionId: string, standard: MeansStandard, revision: string | undefined): Promise<AddStandardOutcome> {
    const run = this.queue.then(() => this.write(regionId, standard, revision));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async write(regionId: string, standard: MeansStandard, revision: string | undefined): Promise<AddStandardOutcome> {
    const source = await this.current();
    const before = await this.io.readFile(path.join(source, REGIONS), 'utf8');
    if (revision !== undefined && fingerprint(before) !== revision) return { ok: false, reason: 'changed' };
    const after = addStandardToRegionsYaml(before, regionId, standard);
    // The whole folder as it would be: nothing is written when anything in it is wrong.
    const checked = await checkPolicyPackWith(source, { [REGIONS]: after });
    if (!checked.pack) return { ok: false, reason: 'pack_invalid', problems: checked.problems };
    if (!(await this.writable())) return { ok: false, reason: 'not_writable' };
    let backup: string;
    try {
      if (source !== this.dir) await this.makeOwnCopy(source);
      backup = await this.keepPrevious();
      await this.replace(after);
    } catch (error) {
      if (isPermissionError(error)) return { ok: false, reason: 'not_writable' };
      throw error;
    }
    for (const region of this.live.regions) {
      const loaded = checked.pack.regions.find((r) => r.id === region.id);
      if (loaded) region.standards = loaded.standards;
    }
    return { ok: true, backup };
  }

  /** Copies regions.yaml to `previous/regions-<UTC time>.yaml`; returns that path inside the folder. */
  private async keepPrevious(): Promise<string> {
    await this.io.mkdir(path.join(this.dir, PREVIOUS_DIR), { recursive: true });
    const stamp = new Date(this.now()).toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
    let name = `regions-${stamp}.yaml`;
    for (let n = 2; await this.exists(path.join(this.dir, PREVIOUS_DIR, name)); n++) name = `regions-${stamp}-${n}.yaml`;
    const relative = path.join(PREVIOUS_DIR, name);
    await this.io.copyFile(this.regionsFile, path.join(this.dir, relative), constants.COPYFILE_EXCL);
    return relative;
  }

  private async exists(file: string): Promise<boolean> {
    return this.io.stat(file).then(
      () => true,
      () => false,
    );
  }

  /** Writes the new text beside regions.yaml, flushes it, and renames it over the old one (never half a file). */
  private async replace(text: string): Promise<void> {
    const temp = path.join(this.dir, `.${REGIONS}.${randomBytes(6).toString('hex')}.tmp`);
    const mode = (await this.io.stat(this.regionsFile)).mode & 0o777;
    const handle = await this.io.open(temp, 'wx', mode);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } catch (error) {
      await handle.close();
      await this.io.unlink(temp).catch(() => undefined);
      throw error;
    }
    await handle.close();
    try {
      await this.io.chmod(temp, mode);
      await this.io.rename(temp, this.regionsFile);
    } catch (error) {
      await this.io.unlink(temp).catch(() => undefined);
      throw error;
    }
    // The rename itself reaches the disk with the folder's entry.
    const folder = await this.io.open(this.dir, 'r').catch(() => undefined);
    await folder?.sync().catch(() => undefined);
    await folder?.close();
  }
}
