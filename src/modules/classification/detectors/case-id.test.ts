import { describe, expect, it } from 'vitest';
import { classifyColumn, detectionOf, headerStrength, values } from '../testing/classify.js';
import { caseIdDetector, matchCaseId } from './case-id.js';
import { NONE, SHAPE, STRONG_HEADER, WEAK_HEADER } from './detector.js';

describe('case_id detector', () => {
  it.each([
    ['KEN-14C00231', SHAPE],
    ['123-12C12345', SHAPE],
    ['42', SHAPE],
    ['Amina Yusuf', NONE],
    ['no-digits', NONE],
  ])('%s → %i', (value, verdict) => {
    expect(matchCaseId(value)).toBe(verdict);
  });

  it.each([
    ['Case number', STRONG_HEADER],
    ['proGres ID', STRONG_HEADER],
    ['numéro de dossier', STRONG_HEADER],
    ['número de expediente', STRONG_HEADER],
    ['household_id', STRONG_HEADER],
    ['reference number', WEAK_HEADER],
    ['id', 0],
    ['invoice number', 'veto'],
  ])('header %s → %s', (header, strength) => {
    expect(headerStrength(caseIdDetector, header)).toBe(strength);
  });

  it('needs a case header, and then counts even plain sequential numbers', () => {
    const ids = values(20, (i) => String(i + 1));
    expect(detectionOf(classifyColumn('id', ids), 'case_id')).toBeUndefined();
    expect(detectionOf(classifyColumn('case_number', ids), 'case_id')?.confidence).toBe('high');
  });

  it('marks GBV and protection case numbers with the protection signal', () => {
    const detection = detectionOf(classifyColumn('GBV case ID', ['GBV-001', 'GBV-002']), 'case_id');
    expect(detection?.signals).toEqual(['protection']);
  });

  it('reads HXL #beneficiary+code as a case number', () => {
    const hxl = { hashtag: 'beneficiary', attributes: ['code'] };
    expect(detectionOf(classifyColumn('col', ['A1', 'A2'], { hxl }), 'case_id')?.confidence).toBe('high');
  });
});
