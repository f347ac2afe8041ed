import { EVENT, MALFORMED, SKIP, type LineOutcome, type LineParser, type RawEvent } from '../log-event.js';
import { parseLogTime, SECONDS_PER_DAY, validSeconds } from '../log-time.js';

/*
 * DNS query logs: BIND's query log and dnsmasq's `log-queries`, written to their own file or
 * through syslog. Each query is one event whose host is the queried name and whose "user" is the
 * client address (resolvers know no user names). Lines that are not queries (dnsmasq's replies,
 * forwards and cache hits, BIND's other categories) are skipped, not malformed.
 *
 *   30-Nov-2026 10:15:02.123 queries: info: client @0x7f2d8c0b1a30 10.1.2.3#53211 (chatgpt.com): query: chatgpt.com IN A +E(0)K (10.0.0.53)
 *   Nov 30 10:15:02 dnsmasq[1234]: query[A] chatgpt.com from 10.1.2.3
 *   Nov 30 10:15:02 dnsmasq[1234]: 17 10.1.2.3/53211 query[AAAA] chatgpt.com from 10.1.2.3
 *
 * Syslog timestamps have no year: it comes from the reference date (see parseLogTime).
 */

const BIND_DATE = /^([0-9]{1,2}-[A-Za-z]{3}-[0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?)/;
const SYSLOG_DATE = /^([A-Za-z]{3} +[0-9]{1,2} [0-9]{2}:[0-9]{2}:[0-9]{2})/;
const ISO_DATE = /^([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+(?:Z|[+-][0-9]{2}:?[0-9]{2})?)/;

export class DnsQueryParser implements LineParser {
  readonly format = 'dns' as const;
  reason = '';

  constructor(private readonly reference: Date) {}

  parse(buf: Buffer, start: number, end: number, event: RawEvent): LineOutcome {
    const line = buf.toString('latin1', start, end);
    const stamp = BIND_DATE.exec(line) ?? SYSLOG_DATE.exec(line) ?? ISO_DATE.exec(line);
    if (!stamp) return this.malformed('the line does not start with a BIND or syslog timestamp');
    const seconds = parseLogTime(stamp[1]!.replace(/ +/g, ' '), this.reference);
    if (!validSeconds(seconds)) return this.malformed('the timestamp is not a valid date');
    event.reset();
    event.day = Math.floor(seconds / SECONDS_PER_DAY);

    const dnsmasq = line.indexOf(' query[');
    if (dnsmasq !== -1) {
      const nameStart = line.indexOf('] ', dnsmasq);
      const from = line.indexOf(' from ', nameStart);
      if (nameStart === -1 || from === -1)
        return this.malformed('a dnsmasq query without "NAME from ADDRESS"');
      // latin1 maps each byte to one character, so string positions are byte offsets.
      event.host.set(buf, start + nameStart + 2, start + from);
      event.user.set(buf, start + from + 6, start + indexOrEnd(line, ' ', from + 6));
      return EVENT;
    }
    const bind = line.indexOf(' query: ');
    if (bind !== -1) {
      const nameStart = bind + 8;
      const nameEnd = indexOrEnd(line, ' ', nameStart);
      const client = line.indexOf('client ');
      if (client === -1 || client > bind) return this.malformed('a BIND query without "client ADDRESS#PORT"');
      let addressStart = client + 7;
      if (line.startsWith('@0x', addressStart)) addressStart = indexOrEnd(line, ' ', addressStart) + 1;
      const hash = line.indexOf('#', addressStart);
      if (hash === -1 || hash > bind) return this.malformed('a BIND query without "client ADDRESS#PORT"');
      event.host.set(buf, start + nameStart, start + nameEnd);
      event.user.set(buf, start + addressStart, start + hash);
      return EVENT;
    }
    return SKIP;
  }

  private malformed(reason: string): LineOutcome {
    this.reason = reason;
    return MALFORMED;
  }
}

function indexOrEnd(text: string, needle: string, from: number): number {
  const at = text.indexOf(needle, from);
  return at === -1 ? text.length : at;
}
