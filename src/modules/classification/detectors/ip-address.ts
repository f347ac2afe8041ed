import { isIPv6 } from 'node:net';
import { assessStandard } from './confidence.js';
import { DISTINCTIVE, NONE, VALID, headerTerms, type Detector, type Verdict } from './detector.js';

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/**
 * IPv4 in dotted-quad form (no leading zeros, so "01.02.2024.1" is not one) is VALID; IPv6 with at
 * least two colons, as Node's parser accepts it, is DISTINCTIVE. An optional /prefix is allowed.
 */
export function matchIpAddress(value: string): Verdict {
  const text = value.trim().replace(/\/\d{1,3}$/, '');
  if (text.length < 7 || text.length > 45) return NONE;
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
  matcher: () => matchIpAddress,
  assess: (evidence) => assessStandard(evidence, { valueOnly: 'high', distinctive: 'high' }),
};
