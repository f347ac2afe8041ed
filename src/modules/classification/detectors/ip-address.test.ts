import { describe, expect, it } from 'vitest';
import { classifyColumn, detectionOf, headerStrength } from '../testing/classify.js';
import { DISTINCTIVE, NONE, STRONG_HEADER, VALID } from './detector.js';
import { ipAddressDetector, matchIpAddress } from './ip-address.js';

describe('ip_address detector', () => {
  it.each([
    ['192.168.1.20', VALID],
    ['8.8.8.8', VALID],
    ['10.0.0.0/8', VALID],
    ['2001:db8::8a2e:370:7334', DISTINCTIVE],
    ['::ffff:192.0.2.128', DISTINCTIVE],
    ['256.1.1.1', NONE],
    ['01.02.2024.1', NONE],
    ['1.2.3', NONE],
    ['12:30:45', NONE],
    ['00:1A:2B:3C:4D:5E', NONE],
    ['2024-03-01', NONE],
  ])('%s → %i', (value, verdict) => {
    expect(matchIpAddress(value)).toBe(verdict);
  });

  it.each([
    ['IP address', STRONG_HEADER],
    ['adresse IP', STRONG_HEADER],
    ['client_ip', STRONG_HEADER],
    ['ip version', 'veto'],
  ])('header %s → %s', (header, strength) => {
    expect(headerStrength(ipAddressDetector, header)).toBe(strength);
  });

  it('rates a column of addresses high without a header', () => {
    expect(
      detectionOf(classifyColumn('col', ['192.168.1.20', '10.2.3.4', '2001:db8::1']), 'ip_address')
        ?.confidence,
    ).toBe('high');
  });
});
