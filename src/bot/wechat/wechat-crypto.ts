import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** WeChat's signature: SHA-1 of the parts sorted as strings and joined (callback `signature`, safe mode `msg_signature`). */
export function wechatSignature(...parts: string[]): string {
  return createHash('sha1').update([...parts].sort().join('')).digest('hex');
}

/** Compares a received signature with the expected one in constant time. */
export function signatureMatches(received: string | undefined, expected: string): boolean {
  if (typeof received !== 'string') return false;
  const a = createHash('sha256').update(received.toLowerCase()).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** Safe-mode payloads are padded to multiples of 32 bytes (PKCS#7 with a 32-byte block). */
const BLOCK = 32;

/**
 * The message cipher of safe mode (安全模式): AES-256-CBC with the key decoded from the 43-character
 * EncodingAESKey and its first 16 bytes as IV. A payload is 16 random bytes, the message length
 * (4 bytes, network order), the message, then the app id.
 */
export class WechatCipher {
  private readonly key: Buffer;
  private readonly iv: Buffer;

  constructor(
    encodingAesKey: string,
    private readonly appId: string,
  ) {
    this.key = Buffer.from(`${encodingAesKey}=`, 'base64');
    if (this.key.length !== 32) throw new Error('WECHAT_ENCODING_AES_KEY must be the 43 characters shown on the WeChat platform.');
    this.iv = this.key.subarray(0, 16);
  }

  encrypt(message: string): string {
    const body = Buffer.from(message, 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(body.length, 0);
    const plain = Buffer.concat([randomBytes(16), length, body, Buffer.from(this.appId, 'utf8')]);
    const pad = BLOCK - (plain.length % BLOCK);
    const cipher = createCipheriv('aes-256-cbc', this.key, this.iv);
    cipher.setAutoPadding(false);
    return Buffer.concat([cipher.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])), cipher.final()]).toString('base64');
  }

  /** The message inside `encrypted`; throws when it cannot be decrypted or was meant for another app. */
  decrypt(encrypted: string): string {
    const decipher = createDecipheriv('aes-256-cbc', this.key, this.iv);
    decipher.setAutoPadding(false);
    const padded = Buffer.concat([decipher.update(Buffer.from(encrypted, 'base64')), decipher.final()]);
    const pad = padded[padded.length - 1] ?? 0;
    if (pad < 1 || pad > BLOCK || pad > padded.length) throw new Error('safe-mode payload has bad padding');
    const plain = padded.subarray(0, padded.length - pad);
    if (plain.length < 20) throw new Error('safe-mode payload is too short');
    const length = plain.readUInt32BE(16);
    if (20 + length > plain.length) throw new Error('safe-mode payload has a bad length');
    const appId = plain.subarray(20 + length).toString('utf8');
    if (appId !== this.appId) throw new Error('safe-mode payload is for another app id');
    return plain.subarray(20, 20 + length).toString('utf8');
  }
}
