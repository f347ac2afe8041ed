import { FNV_OFFSET, FNV_PRIME } from '../byte-map.js';
import { EVENT, MALFORMED, type LineOutcome, type LineParser, type RawEvent } from '../log-event.js';
import { MAX_SECONDS, MIN_SECONDS, SECONDS_PER_DAY } from '../log-time.js';

/*
 * Squid's native access log (`logformat squid`):
 *   %ts.%03tu %6tr %>a %Ss/%03>Hs %<st %rm %ru %[un %Sh/%<a %mt
 *   1796032800.123    245 10.1.2.3 TCP_TUNNEL/200 5120 CONNECT chatgpt.com:443 jdoe HIER_DIRECT/104.18.32.47 -
 * Fields are separated by one or more spaces (the elapsed time is padded). The reply size `%<st`
 * is the download volume; the native format has no request size, so an eleventh numeric field,
 * as written by the common extension `... %mt %>st`, is read as the upload volume when present.
 * Without a user name (`-`) the client address stands in for the user.
 *
 * This is the hot path of the benchmark, written as one pass over the bytes with no strings, no
 * regular expressions and no calls per byte; the host's hash is computed while its bytes are
 * scanned, so the host cache does not read them again. Only the host part of the URL is read:
 * the rest of it (path, query) is skipped without being looked at.
 */

const SPACE = 0x20;
const DOT = 0x2e;
const COLON = 0x3a;
const SLASH = 0x2f;
const QUESTION = 0x3f;
const HASH_SIGN = 0x23;
const AT = 0x40;
const DASH = 0x2d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const LETTER_D = 0x44;
const LOWER_A = 0x61;

export class SquidParser implements LineParser {
  readonly format = 'squid' as const;
  reason = '';

  parse(buf: Buffer, start: number, end: number, event: RawEvent): LineOutcome {
    // Token loops stop at any byte <= 0x20: a space, the line end that follows `end` (see
    // LineParser), or past the buffer (undefined), so they need no separate bounds check.
    let p = start;
    while (buf[p] === SPACE) p += 1;

    // 1. %ts.%03tu: seconds, optional fraction.
    let seconds = 0;
    const timeStart = p;
    for (;;) {
      const d = buf[p]! - 0x30;
      if (!(d >= 0 && d <= 9)) break;
      seconds = seconds * 10 + d;
      p += 1;
    }
    if (p === timeStart) return this.malformed('the first field is not a Unix timestamp');
    if (buf[p] === DOT) {
      p += 1;
      while (buf[p]! > SPACE) p += 1;
    }
    if (p >= end || buf[p] !== SPACE) return this.malformed('the first field is not a Unix timestamp');
    if (seconds < MIN_SECONDS || seconds > MAX_SECONDS)
      return this.malformed('the timestamp is out of range');

    // 2. elapsed (skipped).
    while (buf[p] === SPACE) p += 1;
    while (buf[p]! > SPACE) p += 1;
    // 3. client address.
    while (buf[p] === SPACE) p += 1;
    const clientStart = p;
    while (buf[p]! > SPACE) p += 1;
    const clientEnd = p;
    // 4. result code/status: "denied" when the code contains "DENIED" (TCP_DENIED, TCP_DENIED_REPLY…).
    while (buf[p] === SPACE) p += 1;
    let blocked = false;
    for (let c = buf[p]!; c > SPACE; c = buf[++p]!) {
      if (
        c === LETTER_D &&
        buf[p + 1] === 0x45 &&
        buf[p + 2] === 0x4e &&
        buf[p + 3] === 0x49 &&
        buf[p + 4] === 0x45 &&
        buf[p + 5] === LETTER_D
      )
        blocked = true;
    }
    // 5. reply size.
    while (buf[p] === SPACE) p += 1;
    let replySize = 0;
    const sizeStart = p;
    for (let c = buf[p]!; c > SPACE; c = buf[++p]!) {
      const d = c - 0x30;
      if (d < 0 || d > 9) return this.malformed('the size field (5th) is not a number');
      replySize = replySize * 10 + d;
    }
    if (p === sizeStart || p >= end) return this.malformed('fewer than 10 fields');
    // 6. method (skipped).
    while (buf[p] === SPACE) p += 1;
    while (buf[p]! > SPACE) p += 1;
    // 7. URL: only the host is read; the rest of the URL is skipped unread.
    while (buf[p] === SPACE) p += 1;
    const urlStart = p;
    p = this.readHost(buf, p, end, event);
    if (buf[p] === SLASH || buf[p] === QUESTION) {
      // A path or query follows: skip it unread with a native search, faster on long URLs.
      const space = buf.indexOf(SPACE, p);
      p = space === -1 || space > end ? end : space;
    } else {
      while (buf[p]! > SPACE) p += 1;
    }
    const urlEnd = p;
    // 8. user.
    while (buf[p] === SPACE) p += 1;
    const userStart = p;
    while (buf[p]! > SPACE) p += 1;
    const userEnd = p;
    // 9. hierarchy/peer, 10. content type: must exist; 11. optional request size.
    while (buf[p] === SPACE) p += 1;
    while (buf[p]! > SPACE) p += 1;
    while (buf[p] === SPACE) p += 1;
    if (p >= end || urlEnd === urlStart || userEnd === userStart)
      return this.malformed('fewer than 10 fields');
    while (buf[p]! > SPACE) p += 1;
    while (buf[p] === SPACE) p += 1;
    let requestSize = 0;
    for (let c = buf[p]!; p < end && c > SPACE; c = buf[++p]!) {
      const d = c - 0x30;
      if (d < 0 || d > 9) {
        requestSize = 0;
        break;
      }
      requestSize = requestSize * 10 + d;
    }

    event.day = Math.floor(seconds / SECONDS_PER_DAY);
    event.bytesDown = replySize;
    event.bytesUp = requestSize;
    event.blocked = blocked;
    if (userEnd - userStart === 1 && buf[userStart] === DASH) event.user.set(buf, clientStart, clientEnd);
    else event.user.set(buf, userStart, userEnd);
    event.department.clear();
    event.office.clear();
    return EVENT;
  }

  /**
   * Set the event's host from the URL at `p`, in one pass that also hashes the host: a scheme
   * (`https://`) within the first 16 bytes, user info (`u:pw@`), a port and everything from the
   * first `/`, `?` or `#` are left out; CONNECT's `host:443` works the same. Returns where the
   * scan stopped. A bracketed IPv6 literal is kept whole (it is classified as an IP later).
   */
  private readHost(buf: Buffer, p: number, end: number, event: RawEvent): number {
    const urlStart = p;
    let from = p;
    let hash = FNV_OFFSET;
    let hostEnd = -1;
    let dots = 0;
    let i = p;
    for (; i < end; i += 1) {
      const c = buf[i]!;
      // Lower-case letters, most of any host, first: every delimiter is below 0x61.
      if (c >= LOWER_A) {
        if (hostEnd === -1) hash = Math.imul(hash ^ c, FNV_PRIME);
        continue;
      }
      if (c <= SPACE || c === SLASH || c === QUESTION || c === HASH_SIGN) break;
      if (c === COLON) {
        if (hostEnd !== -1) continue;
        if (from === urlStart && i - from <= 16 && buf[i + 1] === SLASH && buf[i + 2] === SLASH) {
          // "scheme://": the host starts after it.
          from = i + 3;
          i += 2;
          hash = FNV_OFFSET;
          dots = 0;
          continue;
        }
        hostEnd = i;
        continue;
      }
      if (c === AT) {
        // user:password@host: start again after the @.
        from = i + 1;
        hash = FNV_OFFSET;
        hostEnd = -1;
        dots = 0;
        continue;
      }
      if (hostEnd !== -1) continue;
      if (c === OPEN_BRACKET && i === from) {
        while (i < end && buf[i] !== CLOSE_BRACKET && buf[i]! > SPACE) {
          hash = Math.imul(hash ^ buf[i]!, FNV_PRIME);
          i += 1;
        }
        if (buf[i] === CLOSE_BRACKET) {
          hash = Math.imul(hash ^ CLOSE_BRACKET, FNV_PRIME);
          i += 1;
        }
        hostEnd = i;
        dots = 1;
        i -= 1;
        continue;
      }
      if (c === DOT) dots += 1;
      hash = Math.imul(hash ^ c, FNV_PRIME);
    }
    if (hostEnd === -1) hostEnd = i;
    // No host: "-", or a pseudo-URL such as "error:invalid-request" (a word and a colon, no dot).
    if (
      hostEnd <= from ||
      (dots === 0 && from === urlStart && hostEnd < i) ||
      (hostEnd - from === 1 && buf[from] === DASH)
    )
      event.host.clear();
    else event.host.setHashed(buf, from, hostEnd, hash);
    return i;
  }

  private malformed(reason: string): LineOutcome {
    this.reason = reason;
    return MALFORMED;
  }
}
