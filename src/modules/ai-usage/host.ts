import { domainToASCII } from 'node:url';

/*
 * Host names as logs write them (any case, with ports, trailing dots, Unicode or bracketed IPv6)
 * reduced to the one form the catalogue uses: lower-case ASCII (punycode) labels, no port, no
 * trailing dot. IP literals are not names and never match an app.
 */

const MAX_HOST_LENGTH = 253;
const MAX_LABEL_LENGTH = 63;

export type HostKind = 'name' | 'ip' | 'invalid';

export interface NormalisedHost {
  kind: HostKind;
  /** The normalised name when kind is `name`, else ''. */
  host: string;
}

const INVALID: NormalisedHost = { kind: 'invalid', host: '' };
const IP: NormalisedHost = { kind: 'ip', host: '' };

export function classifyHost(raw: string): NormalisedHost {
  let host = raw.trim();
  if (host === '') return INVALID;
  if (host.startsWith('[')) return host.includes(']') ? IP : INVALID;
  const colon = host.indexOf(':');
  if (colon !== -1) {
    // Two colons without brackets: a bare IPv6 address. One: host:port.
    if (host.indexOf(':', colon + 1) !== -1) return IP;
    const port = host.slice(colon + 1);
    if (!/^[0-9]{0,5}$/.test(port)) return INVALID;
    host = host.slice(0, colon);
  }
  if (!isAscii(host)) {
    host = domainToASCII(host);
    if (host === '') return INVALID;
  }
  host = host.toLowerCase();
  while (host.endsWith('.')) host = host.slice(0, -1);
  if (host === '' || host.length > MAX_HOST_LENGTH) return INVALID;
  if (isIpv4(host)) return IP;
  return validLabels(host) ? { kind: 'name', host } : INVALID;
}

/** The normalised name, or null for IP literals and strings that are no host name. */
export function normaliseHost(raw: string): string | null {
  const result = classifyHost(raw);
  return result.kind === 'name' ? result.host : null;
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

function isIpv4(host: string): boolean {
  const parts = host.split('.');
  return parts.length === 4 && parts.every((part) => /^[0-9]{1,3}$/.test(part) && Number(part) <= 255);
}

/**
 * Letters, digits, hyphens and underscores (seen in real service names), 1–63 per label, no label
 * starting or ending with a hyphen.
 */
function validLabels(host: string): boolean {
  let length = 0;
  let previous = 0x2e;
  for (let i = 0; i < host.length; i += 1) {
    const c = host.charCodeAt(i);
    if (c === 0x2e) {
      if (length === 0 || previous === 0x2d) return false;
      length = 0;
      previous = c;
      continue;
    }
    const ok = (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x5f;
    if (!ok || (c === 0x2d && length === 0)) return false;
    length += 1;
    if (length > MAX_LABEL_LENGTH) return false;
    previous = c;
  }
  return length > 0 && previous !== 0x2d;
}
