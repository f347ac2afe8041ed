import { describe, expect, it } from 'vitest';
import { assessStandard, type ConfidenceRule } from './confidence.js';
import {
  NO_HEADER,
  STRONG_HEADER,
  WEAK_HEADER,
  type Evidence,
  type HeaderStrength,
  type Tally,
} from './detector.js';

function evidence(
  counts: Partial<Tally>,
  header: HeaderStrength = NO_HEADER,
  personContext = false,
): Evidence {
  return {
    tally: { nonEmpty: 100, shape: 0, valid: 0, distinctive: 0, signalled: 0, ...counts },
    header,
    personContext,
    headerSignals: [],
  };
}

const PHONE: ConfidenceRule = { valueOnly: 'medium', distinctive: 'high' };
const DOB: ConfidenceRule = { valueOnly: null };
const GENDER: ConfidenceRule = { valueOnly: 'medium', contextRaises: true };

describe('standard confidence', () => {
  it.each<[string, Partial<Tally>, HeaderStrength, ConfidenceRule, string | null]>([
    ['strong header, most values fit', { shape: 60 }, STRONG_HEADER, DOB, 'high'],
    ['strong header, a fifth fit', { valid: 20 }, STRONG_HEADER, DOB, 'medium'],
    ['strong header, nothing fits', {}, STRONG_HEADER, DOB, 'low'],
    ['strong header, empty column', { nonEmpty: 0 }, STRONG_HEADER, DOB, 'low'],
    ['weak header, half validated', { valid: 50 }, WEAK_HEADER, PHONE, 'high'],
    ['weak header, shapes only', { shape: 90 }, WEAK_HEADER, PHONE, 'low'],
    ['weak header, too few fit', { shape: 30 }, WEAK_HEADER, PHONE, null],
    ['no header, distinctive values', { distinctive: 85 }, NO_HEADER, PHONE, 'high'],
    ['no header, valid values', { valid: 85 }, NO_HEADER, PHONE, 'medium'],
    ['no header, most distinctive', { distinctive: 60 }, NO_HEADER, PHONE, 'medium'],
    ['no header, a quarter distinctive', { distinctive: 25 }, NO_HEADER, PHONE, 'low'],
    ['no header, a quarter valid', { valid: 25 }, NO_HEADER, PHONE, null],
    ['no header, shapes never count', { shape: 100 }, NO_HEADER, PHONE, null],
    ['no header, values need a header', { valid: 100 }, NO_HEADER, DOB, null],
  ])('%s → %s', (_name, counts, header, rule, confidence) => {
    const result = assessStandard(evidence(counts, header), rule);
    expect(result?.confidence ?? null).toBe(confidence);
  });

  it('counts shapes as matched only when a header names the data', () => {
    expect(assessStandard(evidence({ shape: 40, valid: 30 }, STRONG_HEADER), PHONE)?.matched).toBe(70);
    expect(assessStandard(evidence({ shape: 10, valid: 85 }), PHONE)?.matched).toBe(85);
  });

  it('lets a dataset about people raise weak evidence for person attributes', () => {
    expect(assessStandard(evidence({ valid: 90 }, NO_HEADER, true), GENDER)?.confidence).toBe('high');
    expect(assessStandard(evidence({ shape: 60 }, WEAK_HEADER, true), GENDER)?.confidence).toBe('high');
    expect(assessStandard(evidence({ valid: 90 }, NO_HEADER, true), PHONE)?.confidence).toBe('medium');
  });
});
