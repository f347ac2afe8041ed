import { isIPv6 } from 'node:net';
import { assessStandard } from './confidence.js';
import {
  DISTINCTIVE,
  HAS_AT,
  HAS_COLON,
  HAS_COMMA,
  HAS_DIGIT,
  HAS_DOT,
  HAS_SPACE,
  NONE,
  VALID,
  headerTerms,
  type Detector,
  type Verdict,
} from './detector.js';

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/**
 * IPv4 in dotted-quad form (no leading zeros, so "01.02.2024.1" is not one) is VALID; IPv6 with at
 * least two colons, as Node's parser accepts it, is DISTINCTIVE. An optional /prefix is allowed.
 */
export function matchIpAddress(value: string): Verdict {
  const raw = value.trim();
  if (raw.length < 7 || raw.length > 49 || (!raw.includes('.') && !raw.includes(':'))) return NONE;
  const text = raw.replace(/\/\d{1,3}$/, '');
  if (IPV4.test(text)) return VALID;
  if (
    text.includes(':') &&
    /^[0-9a-fA-F:.]+$/.test(text) &&
    (text.match(/:/g)?.length ?? 0) >= 2 &&
    isIPv6(text)
  )
    return DISTINCTIVE;
  return NONE;
}

export const ipAddressDetector: Detector = {
  id: 'ip_address',
  header: headerTerms({
    strong: [
      'ip',
      'ip address',
      'ipv4',
      'ipv6',
      'client ip',
      'source ip',
      'remote addr',
      'x-forwarded-for',
      'adresse ip',
      'dirección ip',
    ],
    veto: ['version', 'versión'],
  }),
  // Neither form has an @, a comma or a space (outer spaces are trimmed before profiling).
  prefilter: (p) =>
    (p.chars & HAS_DIGIT) !== 0 &&
    (p.chars & (HAS_DOT | HAS_COLON)) !== 0 &&
    (p.chars & (HAS_AT | HAS_COMMA | HAS_SPACE)) === 0,
  matcher: () => matchIpAddress,
  assess: (evidence) => assessStandard(evidence, { valueOnly: 'high', distinctive: 'high' }),
};
