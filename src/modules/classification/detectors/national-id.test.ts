import { describe, expect, it } from 'vitest';
import { classifyColumn, detectionOf, headerStrength, values } from '../testing/classify.js';
import { NONE, SHAPE, STRONG_HEADER, VALID, WEAK_HEADER } from './detector.js';
import { matchNationalId, nationalIdDetector } from './national-id.js';

describe('national_id detector', () => {
  it.each([
    ['12345678Z', VALID, 'Spanish DNI'],
    ['X1234567L', VALID, 'Spanish NIE'],
    ['12345678A', SHAPE, 'DNI with a wrong letter'],
    ['GODE561231HDFRRN00', VALID, 'Mexican CURP'],
    ['GODE561231HDFRRN01', SHAPE, 'CURP with a wrong check digit'],
    ['1 85 05 78 006 084 91', VALID, 'French NIR'],
    ['185057800608490', SHAPE, 'NIR with a wrong key'],
    ['2341 2341 2346', VALID, 'Aadhaar'],
    ['123-45-6789', VALID, 'US SSN'],
    ['666-45-6789', SHAPE, 'SSN area never issued'],
    ['529.982.247-25', VALID, 'Brazilian CPF'],
    ['12.345.678-5', VALID, 'Chilean RUT'],
    ['8001015009087', VALID, 'South African ID'],
    ['23456789', SHAPE, 'Kenyan-style number'],
    ['INV-2024-0001', SHAPE, 'looks like an identifier, only a header can tell'],
    ['abc', NONE, 'too short'],
    ['Amina Yusuf', NONE, 'a name'],
  ])('%s → %i (%s)', (value, verdict) => {
    expect(matchNationalId(value)).toBe(verdict);
  });

  it.each([
    ['National ID', STRONG_HEADER],
    ['cédula de ciudadanía', STRONG_HEADER],
    ["N° carte d'identité", STRONG_HEADER],
    ['DNI', STRONG_HEADER],
    ['id_number', STRONG_HEADER],
    ['Documento', WEAK_HEADER],
    ['id', 0],
    ['record_id', 'veto'],
    ['invoice id number', 'veto'],
  ])('header %s → %s', (header, strength) => {
    expect(headerStrength(nationalIdDetector, header)).toBe(strength);
  });

  it('rates identity numbers under an identity header high', () => {
    const ids = values(20, (i) => String(21_000_000 + i * 7919));
    expect(detectionOf(classifyColumn('national_id', ids), 'national_id')?.confidence).toBe('high');
  });

  it('rates validated formats medium without a header, and plain numbers not at all', () => {
    const dni = ['12345678Z', 'X1234567L', '00000000T', '11111111H'];
    expect(detectionOf(classifyColumn('col', dni), 'national_id')?.confidence).toBe('medium');
    const numbers = values(20, (i) => String(21_000_000 + i * 7919));
    expect(detectionOf(classifyColumn('col', numbers), 'national_id')).toBeUndefined();
  });
});
