import { createCipheriv, createDecipheriv, createHash, createSecretKey, randomBytes, type CipherGCM, type KeyObject } from 'node:crypto';
import { Transform } from 'node:stream';

/** A stored value sealed by {@link FieldCipher}: `enc1:<keyId>:<base64(iv | tag | ciphertext)>`. */
const PREFIX = 'enc1:';
/** A sealed file starts with these bytes, then the key id (8 ASCII hex), the IV, the ciphertext and the tag. */
const FILE_MAGIC = Buffer.from('FYE1', 'latin1');
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID_CHARS = 8;
const FILE_HEADER_BYTES = FILE_MAGIC.length + KEY_ID_CHARS + IV_BYTES;
/** IVs drawn from the random source at once: one call per 1,024 values instead of one per value. */
const IV_POOL_BYTES = IV_BYTES * 1024;

/** A value or file sealed under a key this process does not hold, or altered since it was sealed. */
export class DecryptError extends Error {
  override name = 'DecryptError';
}

/** The id of a key, stored beside each value: the first 8 hex digits of its SHA-256 (not secret). */
export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, KEY_ID_CHARS);
}

/**
 * AES-256-GCM of personal fields and attachment files. Each value gets its own random 12-byte IV;
 * the GCM tag makes any change to a stored value fail loudly. Values written before encryption was
 * turned on (no `enc1:` prefix, no file magic) are read as they are, so upgrading needs no migration;
 * any key of the keyring opens, the first (current) one seals.
 */
export class FieldCipher {
  private readonly keys: Map<string, Buffer>;
  readonly currentId: string;
  /** The current key prepared once for `seal` (every value is sealed with it). */
  private readonly sealKey: KeyObject;
  private ivPool = Buffer.alloc(0);
  private ivOffset = 0;

  /** `keys`: 32-byte keys, the current one first, older ones after it (kept while a rotation runs). */
  constructor(keys: readonly Buffer[]) {
    if (keys.length === 0) throw new Error('FieldCipher needs at least one key.');
    for (const k of keys) if (k.length !== 32) throw new Error('A data key must be 32 bytes.');
    this.keys = new Map(keys.map((k) => [keyIdOf(k), k]));
    this.currentId = keyIdOf(keys[0]!);
    this.sealKey = createSecretKey(keys[0]!);
  }

  /** The keys, current first: to build the same cipher on a worker thread. */
  keyring(): Buffer[] {
    return [...this.keys.values()].map((k) => Buffer.from(k));
  }

  /** Whether a stored value is sealed (as opposed to plaintext from before encryption). */
  static isSealed(stored: string): boolean {
    return stored.startsWith(PREFIX);
  }

  /** The key id a stored value was sealed with, or null for plaintext. */
  static keyIdOfValue(stored: string): string | null {
    return stored.startsWith(PREFIX) ? stored.slice(PREFIX.length, PREFIX.length + KEY_ID_CHARS) : null;
  }

  seal(text: string): string {
    const iv = this.nextIv();
    const cipher = createCipheriv('aes-256-gcm', this.sealKey, iv);
    const body = cipher.update(text, 'utf8');
    // GCM holds nothing back: `final` only computes the tag (its output is empty).
    const tail = cipher.final();
    return `${PREFIX}${this.currentId}:${Buffer.concat([iv, cipher.getAuthTag(), body, tail]).toString('base64')}`;
  }

  /** A fresh random IV: 12 bytes of the random source, taken from a pool filled 1,024 IVs at a time (the per-call cost was a third of a seal). */
  private nextIv(): Buffer {
    if (this.ivOffset + IV_BYTES > this.ivPool.length) {
      this.ivPool = randomBytes(IV_POOL_BYTES);
      this.ivOffset = 0;
    }
    const iv = this.ivPool.subarray(this.ivOffset, this.ivOffset + IV_BYTES);
    this.ivOffset += IV_BYTES;
    return iv;
  }

  /** The plaintext of a stored value; plaintext rows pass through. Throws {@link DecryptError}. */
  open(stored: string): string {
    if (!stored.startsWith(PREFIX)) return stored;
    const keyId = stored.slice(PREFIX.length, PREFIX.length + KEY_ID_CHARS);
    const key = this.keys.get(keyId);
    if (!key) throw new DecryptError(`A stored value is sealed with data key ${keyId}, which this process does not hold.`);
    const raw = Buffer.from(stored.slice(PREFIX.length + KEY_ID_CHARS + 1), 'base64');
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new DecryptError(`A stored value sealed with data key ${keyId} does not open: it was altered or the key is wrong.`);
    }
  }

  /** `seal` for a column that may be NULL. */
  sealOrNull(text: string | null | undefined): string | null {
    return text === null || text === undefined ? null : this.seal(text);
  }

  openOrNull(stored: string | null): string | null {
    return stored === null ? null : this.open(stored);
  }

  /** A stored value sealed again under the current key, or null when it already is (or is... nothing to do). */
  reseal(stored: string | null): string | null {
    if (stored === null) return null;
    if (FieldCipher.keyIdOfValue(stored) === this.currentId) return null;
    return this.seal(this.open(stored));
  }

  /** A stream that seals a file's bytes as they pass: header, ciphertext, then the tag. */
  sealingStream(): Transform {
    const iv = randomBytes(IV_BYTES);
    const cipher: CipherGCM = createCipheriv('aes-256-gcm', this.keys.get(this.currentId)!, iv);
    let started = false;
    const header = Buffer.concat([FILE_MAGIC, Buffer.from(this.currentId, 'latin1'), iv]);
    return new Transform({
      transform(chunk: Buffer, _encoding, done) {
        const out = cipher.update(chunk);
        if (!started) {
          started = true;
          return done(null, Buffer.concat([header, out]));
        }
        done(null, out);
      },
      flush(done) {
        const last = cipher.final();
        done(null, Buffer.concat([started ? Buffer.alloc(0) : header, last, cipher.getAuthTag()]));
      },
    });
  }

  /** A whole file sealed (for re-sealing during a rotation). */
  sealFile(content: Buffer): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.currentId)!, iv);
    const body = Buffer.concat([cipher.update(content), cipher.final()]);
    return Buffer.concat([FILE_MAGIC, Buffer.from(this.currentId, 'latin1'), iv, body, cipher.getAuthTag()]);
  }

  /** The key id a stored file was sealed with, or null for a plaintext file. */
  static keyIdOfFile(content: Buffer): string | null {
    if (content.length < FILE_HEADER_BYTES + TAG_BYTES || !content.subarray(0, FILE_MAGIC.length).equals(FILE_MAGIC)) return null;
    return content.subarray(FILE_MAGIC.length, FILE_MAGIC.length + KEY_ID_CHARS).toString('latin1');
  }

  /** The plaintext of a stored file; files saved before encryption pass through. Throws {@link DecryptError}. */
  openFile(content: Buffer): Buffer {
    const keyId = FieldCipher.keyIdOfFile(content);
    if (keyId === null) return content;
    const key = this.keys.get(keyId);
    if (!key) throw new DecryptError(`A stored file is sealed with data key ${keyId}, which this process does not hold.`);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, content.subarray(FILE_MAGIC.length + KEY_ID_CHARS, FILE_HEADER_BYTES));
      decipher.setAuthTag(content.subarray(content.length - TAG_BYTES));
      return Buffer.concat([decipher.update(content.subarray(FILE_HEADER_BYTES, content.length - TAG_BYTES)), decipher.final()]);
    } catch {
      throw new DecryptError(`A stored file sealed with data key ${keyId} does not open: it was altered or the key is wrong.`);
    }
  }
}

/** Stores without a key (tests of other areas, tools): values pass through unchanged. */
export class PlainCipher extends FieldCipher {
  constructor() {
    super([Buffer.alloc(32)]);
  }
  override seal(text: string): string {
    return text;
  }
  override reseal(): string | null {
    return null;
  }
  override sealingStream(): Transform {
    return new Transform({ transform: (chunk, _e, done) => done(null, chunk) });
  }
  override sealFile(content: Buffer): Buffer {
    return content;
  }
}

export const PLAIN = new PlainCipher();

/** A data key from `FAYUAN_DATA_KEY`: 64 hex digits or base64 of 32 bytes; null when it is neither. */
export function parseDataKey(text: string): Buffer | null {
  const t = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(t)) return Buffer.from(t, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(t)) {
    const key = Buffer.from(t.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (key.length === 32) return key;
  }
  return null;
}
