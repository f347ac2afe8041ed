import { describe, expect, it } from 'vitest';
import { STRONG_HEADER, WEAK_HEADER } from './detectors/detector.js';
import { hxlEvidence, isHxlRow, parseHxlTag } from './hxl.js';

describe('HXL hashtags', () => {
  it.each([
    ['#contact +email', { hashtag: 'contact', attributes: ['email'] }],
    ['#geo+lat', { hashtag: 'geo', attributes: ['lat'] }],
    ['#Respondee+Name+F', { hashtag: 'respondee', attributes: ['name', 'f'] }],
    ['  #adm1+code  ', { hashtag: 'adm1', attributes: ['code'] }],
    ['contact', null],
    ['#1bad', null],
    ['# contact', null],
  ])('%j → %j', (cell, tag) => {
    expect(parseHxlTag(cell)).toEqual(tag);
  });

  it('recognises a hashtag row: at least one hashtag and nothing else but empty cells', () => {
    expect(isHxlRow(['#contact+name', '', '#contact+phone'])).toBe(true);
    expect(isHxlRow(['#contact+name', 'Amina'])).toBe(false);
    expect(isHxlRow(['', ''])).toBe(false);
  });

  it('maps person hashtags and attributes to detectors', () => {
    const strength = (cell: string, detector: string) =>
      hxlEvidence(parseHxlTag(cell)).strengths.get(detector as never);
    expect(strength('#contact+email', 'email')).toBe(STRONG_HEADER);
    expect(strength('#contact+phone', 'phone')).toBe(STRONG_HEADER);
    expect(strength('#beneficiary+name', 'person_name')).toBe(STRONG_HEADER);
    expect(strength('#respondee+code', 'case_id')).toBe(STRONG_HEADER);
    expect(strength('#respondee+gender', 'gender')).toBe(STRONG_HEADER);
    expect(strength('#geo+lon', 'gps_coordinates')).toBe(STRONG_HEADER);
    expect(strength('#date+birth', 'date_of_birth')).toBe(STRONG_HEADER);
    expect(strength('#contact', 'phone')).toBe(WEAK_HEADER);
    expect(strength('#org+name', 'person_name')).toBeUndefined();
    expect(strength('#adm1+name', 'person_name')).toBeUndefined();
  });

  it('says which hashtags describe people and which are counts', () => {
    expect(hxlEvidence(parseHxlTag('#respondee+age')).aboutPeople).toBe(true);
    expect(hxlEvidence(parseHxlTag('#affected+f+children')).vetoed).toBe('all');
    expect(hxlEvidence(parseHxlTag('#date+reported')).vetoed).toEqual(new Set(['date_of_birth', 'phone']));
  });
});
