import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage } from 'node:http';

/** The cookie that carries a web resident's identity: HttpOnly, SameSite=Strict, Secure over HTTPS. */
export const RESIDENT_COOKIE = 'fayuan_resident';

/** The file (in the data folder) holding the key that signs resident cookies; created at first start, mode 0600. */
export const COOKIE_KEY_FILE = 'web-identity.key';

const ONE_YEAR_S = 365 * 24 * 60 * 60;

function sign(key: Buffer, id: string): string {
  return createHmac('sha256', key).update(`resident:${id}`).digest('base64url');
}

/** Reads one cookie from a `Cookie` header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** Whether the request reached us over HTTPS (directly, or through a proxy that says so). */
export function overHttps(req: IncomingMessage): boolean {
  const encrypted = Boolean((req.socket as { encrypted?: boolean }).encrypted);
  const forwarded = String(req.headers['x-forwarded-proto'] ?? '').split(',')[0]!.trim();
  return encrypted || forwarded === 'https';
}

/** Whether a request was sent by our own page (the Origin, when sent, must match the Host). */
export function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/**
 * Issues and checks web residents' identities. The server draws a random id (192 bits) and signs it;
 * a cookie the server did not sign (an id a browser made up) is refused, so an identity can be
 * neither chosen nor guessed. The id never reaches the page's script, a URL or the device's storage.
 */
export class ResidentIdentity {
  constructor(private readonly key: Buffer) {}

  /** Loads the signing key from `dataDir`, creating it (mode 0600) on first start. */
  static fromDataDir(dataDir: string): ResidentIdentity {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const file = path.join(dataDir, COOKIE_KEY_FILE);
    try {
      fs.writeFileSync(file, randomBytes(32), { flag: 'wx', mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const key = fs.readFileSync(file);
    if (key.length < 32) throw new Error(`${file} is damaged (shorter than 32 bytes); delete it to sign new identities.`);
    return new ResidentIdentity(key);
  }

  /** A new resident id and the cookie value that proves it. */
  issue(): { resident: string; value: string } {
    const resident = randomBytes(24).toString('base64url');
    return { resident, value: `${resident}.${sign(this.key, resident)}` };
  }

  /** The resident a request's cookie proves, or null (no cookie, or one this server did not sign). */
  residentOf(req: IncomingMessage): string | null {
    const value = readCookie(req.headers.cookie, RESIDENT_COOKIE);
    if (!value) return null;
    const [resident, signature, extra] = value.split('.');
    if (!resident || !signature || extra !== undefined || !/^[A-Za-z0-9_-]{32}$/.test(resident)) return null;
    const expected = Buffer.from(sign(this.key, resident));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given) ? resident : null;
  }

  /** The `Set-Cookie` header that gives the page this identity. */
  setCookie(value: string, secure: boolean): string {
    return `${RESIDENT_COOKIE}=${value}; Path=/; Max-Age=${ONE_YEAR_S}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
  }

  /** The `Set-Cookie` header that removes the identity from this device. */
  clearCookie(secure: boolean): string {
    return `${RESIDENT_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
  }
}
