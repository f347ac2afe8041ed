import type { ByteField } from '../log-event.js';
import { daysFromCivil } from '../log-time.js';

/* Byte-level helpers for the line parsers: no strings, no regular expressions, no allocation. */

export const SPACE = 0x20;
export const TAB = 0x09;
export const QUOTE = 0x22;
const COLON = 0x3a;
const SLASH = 0x2f;
const QUESTION = 0x3f;
const HASH = 0x23;
const AT = 0x40;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const DASH = 0x2d;

/** A run of decimal digits as a number, or -1 when `buf[start, end)` is not one. */
export function parseDigits(buf: Uint8Array, start: number, end: number): number {
  if (start >= end) return -1;
  let value = 0;
  for (let i = start; i < end; i += 1) {
    const d = buf[i]! - 0x30;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/** A byte count: digits, with `-` or nothing meaning 0; -1 when it is something else. */
export function parseCount(buf: Uint8Array, start: number, end: number): number {
  if (start >= end || (end - start === 1 && buf[start] === DASH)) return 0;
  return parseDigits(buf, start, end);
}

/** `-` alone is how W3C, Squid and most proxies write "no value". */
export function isDash(buf: Uint8Array, start: number, end: number): boolean {
  return end - start === 1 && buf[start] === DASH;
}

/**
 * Set `host` to the host of the URL or proxy target in `buf[start, end)`, without scheme, user
 * info, port, path or query (`https://u@Chat.OpenAI.com:443/c?q=1` → `Chat.OpenAI.com`; also
 * `host:443` and `host/path`). Bracketed IPv6 keeps its brackets. Leaves `host` empty when there
 * is no host (`-`, `error:invalid-request`).
 */
export function hostOfUrl(buf: Uint8Array, start: number, end: number, host: ByteField): void {
  let from = start;
  const schemeLimit = Math.min(end - 2, start + 16);
  for (let i = start; i < schemeLimit; i += 1) {
    const c = buf[i]!;
    if (c === COLON) {
      if (buf[i + 1] === SLASH && buf[i + 2] === SLASH) from = i + 3;
      break;
    }
    if (c === SLASH || c === QUESTION) break;
  }
  let to = end;
  let colon = -1;
  for (let i = from; i < end; i += 1) {
    const c = buf[i]!;
    if (c === SLASH || c === QUESTION || c === HASH) {
      to = i;
      break;
    }
    if (c === AT) {
      from = i + 1;
      colon = -1;
    } else if (c === COLON && colon === -1) colon = i;
  }
  if (from < to && buf[from] === OPEN_BRACKET) {
    let close = from;
    while (close < to && buf[close] !== CLOSE_BRACKET) close += 1;
    host.set(buf, from, Math.min(close + 1, to));
    return;
  }
  if (colon !== -1) to = colon;
  if (to <= from || (to - from === 1 && buf[from] === DASH)) {
    host.clear();
    return;
  }
  // "error:invalid-request" and other pseudo-URLs: a scheme-like word with no "//" and no dot.
  if (colon !== -1 && from === start && !hasDot(buf, from, to)) {
    host.clear();
    return;
  }
  host.set(buf, from, to);
}

function hasDot(buf: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i += 1) if (buf[i] === 0x2e) return true;
  return false;
}

/** Whether `needle` (ASCII, upper case) occurs in `buf[start, end)`, ignoring ASCII case. */
export function containsWord(buf: Uint8Array, start: number, end: number, needle: Uint8Array): boolean {
  const last = end - needle.length;
  outer: for (let i = start; i <= last; i += 1) {
    for (let j = 0; j < needle.length; j += 1) {
      const c = buf[i + j]!;
      const upper = c >= 0x61 && c <= 0x7a ? c - 0x20 : c;
      if (upper !== needle[j]) continue outer;
    }
    return true;
  }
  return false;
}

export const DENIED = Buffer.from('DENIED');
export const BLOCK = Buffer.from('BLOCK');

/** Action words that mean the proxy refused the request: block(ed), denied, drop, reject. */
export function isBlockedAction(buf: Uint8Array, start: number, end: number): boolean {
  return (
    containsWord(buf, start, end, BLOCK) ||
    containsWord(buf, start, end, DENIED) ||
    containsWord(buf, start, end, DENY) ||
    containsWord(buf, start, end, DROP) ||
    containsWord(buf, start, end, REJECT)
  );
}
const DENY = Buffer.from('DENY');
const DROP = Buffer.from('DROP');
const REJECT = Buffer.from('REJECT');

/** `YYYY-MM-DD` at `start` as days since the epoch, or -1. */
export function parseIsoDateDay(buf: Uint8Array, start: number, end: number): number {
  if (end - start < 10 || buf[start + 4] !== DASH || buf[start + 7] !== DASH) return -1;
  const year = parseDigits(buf, start, start + 4);
  const month = parseDigits(buf, start + 5, start + 7);
  const day = parseDigits(buf, start + 8, start + 10);
  if (year < 1990 || year > 2099 || month < 1 || month > 12 || day < 1 || day > 31) return -1;
  return daysFromCivil(year, month, day);
}
