import { randomBytes } from 'node:crypto';
import type { Locale } from '../locales/catalog.js';
import { translate } from '../locales/render.js';
import { checkDatabase, prepareDataFolder } from '../storage/data-folder.js';
import { checkDataKey, keyFilePath, loadCipher, readKeyFile, writeKeyFile } from '../storage/data-key.js';
import { FieldCipher } from '../storage/field-cipher.js';
import { rotateSealedData } from '../storage/key-rotation.js';
import { openStorage } from '../storage/open-storage.js';
import type { Command } from './io.js';

/**
 * `fayuan keys rotate`: a new data key becomes current and every sealed value and file is sealed again
 * under it; the old key is kept (in the key file, or FAYUAN_DATA_KEY_OLD) until that is done.
 * `fayuan keys show-id`: the current key's id (not the key). Run with the bot stopped.
 */
export const keysCommand: Command = async ({ args, stdout, stderr, config }) => {
  const locale: Locale = args.includes('--lang=en') ? 'en' : 'zh-CN';
  const sub = args[0];
  const fromEnv = (config.dataKeys?.length ?? 0) > 0;
  const file = keyFilePath(config.dataDir);
  if (sub === 'show-id') {
    prepareDataFolder(config.dataDir, config.attachmentsDir, config.databaseFile);
    const cipher = loadCipher({ dataDir: config.dataDir, dataKeys: config.dataKeys ?? null });
    const source = fromEnv ? translate('keys.source.env', locale) : translate('keys.source.file', locale, { file });
    stdout.write(`${translate('keys.id', locale, { id: cipher.currentId, source })}\n`);
    return 0;
  }
  if (sub !== 'rotate') {
    stderr.write(`${translate('keys.usage', locale)}\n`);
    return 2;
  }
  if (fromEnv && config.dataKeys!.length < 2) {
    stderr.write(`${translate('keys.env.needs_old', locale)}\n`);
    return 2;
  }
  prepareDataFolder(config.dataDir, config.attachmentsDir, config.databaseFile);
  let cipher: FieldCipher;
  let finish: () => void = () => undefined;
  if (fromEnv) {
    cipher = new FieldCipher(config.dataKeys!);
  } else {
    // No key file yet: the first start's key is made now, so there is an old key to rotate from.
    if (!readKeyFile(file)) loadCipher({ dataDir: config.dataDir, dataKeys: null });
    const old = readKeyFile(file)!;
    const next = randomBytes(32);
    // The new key is written first, beside the old: a rotation stopped half-way leaves everything readable.
    writeKeyFile(file, [next, ...old]);
    cipher = new FieldCipher([next, ...old]);
    finish = () => writeKeyFile(file, [next]);
  }
  const db = await openStorage(config.databaseFile);
  try {
    await checkDatabase(db);
    await checkDataKey(db, cipher, config.dataDir);
    const report = await rotateSealedData(db, cipher, config.attachmentsDir);
    finish();
    const where = fromEnv ? 'FAYUAN_DATA_KEY' : file;
    stdout.write(`${translate('keys.rotated', locale, { id: cipher.currentId, values: report.values, files: report.files, where })}\n`);
    return 0;
  } finally {
    await db.close();
  }
};
