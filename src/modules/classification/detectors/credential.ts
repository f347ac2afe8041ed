import { maskSecret } from '../masking.js';
import { assessStandard } from './confidence.js';
import { DISTINCTIVE, NONE, SHAPE, VALID, headerTerms, type Detector, type Verdict } from './detector.js';

/** Secrets whose own format names them (prefixes published by each provider). */
const TOKEN_PATTERNS: readonly RegExp[] = [
  /-----BEGIN (?:[A-Z]+ )?PRIVATE KEY(?: BLOCK)?-----/, // PEM / OpenSSH / PGP private keys
  /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/, // AWS access key id
  /\bgh[pousr]_[A-Za-z0-9]{36,}\b/, // GitHub tokens
  /\bgithub_pat_[A-Za-z0-9_]{60,}\b/,
  /\bglpat-[A-Za-z0-9_-]{20,}\b/, // GitLab
  /\bxox[abprs]-[A-Za-z0-9-]{10,}\b/, // Slack
  /\b(?:sk|rk)_live_[A-Za-z0-9]{20,}\b/, // Stripe
  /\bAIza[0-9A-Za-z_-]{35}\b/, // Google API key
  /\bsk-(?:proj-|ant-)?[A-Za-z0-9_-]{32,}\b/, // OpenAI / Anthropic style keys
  /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/, // JWT
  /\bSG\.[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{20,}\b/, // SendGrid
];

/** Any of the prefixes above: one cheap test before the specific patterns. */
const TOKEN_HINT = /-----BEGIN|AKIA|ASIA|gh[pousr]_|github_pat_|glpat-|xox[abprs]-|_live_|AIza|sk-|eyJ|SG\./;

/** Password hashes: not the password, but enough to attack it offline. */
const PASSWORD_HASH =
  /^(?:\$2[abxy]\$\d{2}\$[./A-Za-z0-9]{53}|\$argon2(?:id|i|d)\$\S+|\$[156]\$\S{8,}|pbkdf2_sha256\$\S+)$/;

/**
 * Credentials: a provider token or a private key anywhere in the value is DISTINCTIVE; a password
 * hash is VALID; any value without spaces (4–256 characters) is SHAPE, which counts under a
 * password, secret or API-key header.
 */
export function matchCredential(value: string): Verdict {
  const text = value.trim();
  if (text.length < 4) return NONE;
  if (
    text.length >= 20 &&
    mayHoldToken(text) &&
    TOKEN_HINT.test(text) &&
    TOKEN_PATTERNS.some((pattern) => pattern.test(text))
  )
    return DISTINCTIVE;
  if (text.startsWith('$') || text.startsWith('pbkdf2')) return PASSWORD_HASH.test(text) ? VALID : SHAPE;
  return text.length <= 256 && !hasWhiteSpace(text) ? SHAPE : NONE;
}

/** Every TOKEN_HINT holds a - _ A J or S: text with none of them skips the pattern. */
function mayHoldToken(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 45 || c === 95 || c === 65 || c === 74 || c === 83) return true;
  }
  return false;
}

/** `/\s/.test(text)` without the pattern: the white space of JavaScript patterns, ASCII and Unicode. */
function hasWhiteSpace(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) return true;
    if (
      c >= 0xa0 &&
      (c === 0xa0 ||
        c === 0x1680 ||
        (c >= 0x2000 && c <= 0x200a) ||
        c === 0x2028 ||
        c === 0x2029 ||
        c === 0x202f ||
        c === 0x205f ||
        c === 0x3000 ||
        c === 0xfeff)
    )
      return true;
  }
  return false;
}

export const credentialDetector: Detector = {
  id: 'credential',
  header: headerTerms({
    strong: [
      'password',
      'passwd',
      'pwd',
      'passphrase',
      'password hash',
      'secret',
      'client secret',
      'api key',
      'apikey',
      'api token',
      'access token',
      'auth token',
      'bearer token',
      'private key',
      'secret key',
      'access key',
      'mot de passe',
      'mdp',
      'clé api',
      'clé secrète',
      'contraseña',
      'clave api',
      'clave secreta',
    ],
    weak: ['token', 'pin', 'pin code', 'otp', 'jeton', 'clave'],
    veto: [
      'date',
      'fecha',
      'changed',
      'expiry',
      'expiration',
      'expire',
      'updated',
      'length',
      'policy',
      'required',
      'reset',
      'last',
      'hint',
      'number',
      'numéro',
      'número',
      'distribution',
    ],
  }),
  // Without a header only provider tokens (20+ characters) and password hashes ($…) count.
  prefilter: (p, withHeader) => withHeader || p.length >= 20,
  matcher: () => matchCredential,
  assess: (evidence) => assessStandard(evidence, { valueOnly: 'medium', distinctive: 'high' }),
  mask: maskSecret,
};
