import { createHash, type Hash } from 'node:crypto';
import { errors } from '../../core/errors.js';

/*
 * Users are stored only as keyed pseudonyms: HMAC-SHA-256 over the normalised user id, with a
 * secret key that lives outside the database (CUSTOS_USAGE_KEY), truncated to 128 bits of hex.
 * The same user gives the same pseudonym in every file while the key stays the same, so distinct
 * users can be counted across days and files; without the key, a pseudonym cannot be tied back to
 * a name by trying candidate names. Rotating the key starts a new series.
 */

export const USAGE_KEY_ENV = 'CUSTOS_USAGE_KEY';
export const MIN_USAGE_KEY_LENGTH = 32;
/** 32 hex characters = 128 bits: collisions are negligible for any organisation's staff. */
export const PSEUDONYM_HEX_LENGTH = 32;

/**
 * The identity the pseudonym is computed from: percent-escapes decoded (Squid escapes user names),
 * Unicode NFC, trimmed, lower case, a Windows `DOMAIN\` prefix dropped so `CORP\jdoe` and `jdoe`
 * are one person. E-mail style names keep their domain. Null when there is no user (`-`, blank).
 */
export function normaliseUserId(raw: string): string | null {
  let text = raw;
  if (text.includes('%')) {
    try {
      text = decodeURIComponent(text);
    } catch {
      // Not valid percent-encoding: keep the text as it is.
    }
  }
  text = text.normalize('NFC').trim().toLowerCase();
  const backslash = text.lastIndexOf('\\');
  if (backslash !== -1) text = text.slice(backslash + 1);
  return text === '' || text === '-' ? null : text;
}

export class Pseudonymiser {
  /** SHA-256 states after the padded key blocks (RFC 2104), copied for each user. */
  private readonly inner: Hash;
  private readonly outer: Hash;

  constructor(key: string | Buffer) {
    const bytes = typeof key === 'string' ? Buffer.from(key, 'utf8') : key;
    if (bytes.length < MIN_USAGE_KEY_LENGTH)
      throw errors.validation(`The pseudonymisation key must be at least ${MIN_USAGE_KEY_LENGTH} bytes long`);
    // HMAC-SHA-256 = H((K ⊕ opad) ‖ H((K ⊕ ipad) ‖ m)), K padded to the 64-byte block (hashed
    // first when longer). Keeping the two keyed states and copying them is the same computation
    // as crypto.createHmac, without setting the key up again for every user.
    const block = Buffer.alloc(64);
    (bytes.length > 64 ? createHash('sha256').update(bytes).digest() : bytes).copy(block);
    this.inner = createHash('sha256').update(block.map((b) => b ^ 0x36));
    this.outer = createHash('sha256').update(block.map((b) => b ^ 0x5c));
  }

  /** The pseudonym of a user id already normalised by normaliseUserId. */
  pseudonym(normalisedUserId: string): string {
    const inner = this.inner.copy().update(normalisedUserId, 'utf8').digest();
    return this.outer.copy().update(inner).digest('hex').slice(0, PSEUDONYM_HEX_LENGTH);
  }
}

/** The key from the environment, or undefined when it is not set. A short key is refused. */
export function usageKeyFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const key = env[USAGE_KEY_ENV];
  if (key === undefined || key === '') return undefined;
  if (Buffer.byteLength(key, 'utf8') < MIN_USAGE_KEY_LENGTH)
    throw errors.validation(
      `${USAGE_KEY_ENV} must be at least ${MIN_USAGE_KEY_LENGTH} characters (e.g. the output of \`openssl rand -hex 32\`)`,
    );
  return key;
}
