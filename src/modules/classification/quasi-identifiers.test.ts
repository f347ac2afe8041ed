import { describe, expect, it } from 'vitest';
import { quasiIdentifierKind, suggestQuasiIdentifiers } from './quasi-identifiers.js';

describe('quasi-identifier columns', () => {
  it.each([
    ['age', { kind: 'age' }],
    ['Âge (années)', { kind: 'age' }],
    ['edad', { kind: 'age' }],
    ['hh_size', { kind: 'household_size' }],
    ['Taille du ménage', { kind: 'household_size' }],
    ['tamaño_hogar', { kind: 'household_size' }],
    ['admin1', { kind: 'admin', level: 1 }],
    ['ADM2_name', { kind: 'admin', level: 2 }],
    ['province', { kind: 'admin', level: 1 }],
    ['district', { kind: 'admin', level: 2 }],
    ['sub_county', { kind: 'admin', level: 3 }],
    ['camp', { kind: 'admin', level: 4 }],
    ['marital_status', { kind: 'categorical' }],
  ])('%s → %j', (header, kind) => {
    expect(quasiIdentifierKind(header)).toEqual(kind);
  });

  it('reads HXL hashtags: #adm1..#adm5 levels and +age', () => {
    expect(quasiIdentifierKind('Zone', { hashtag: 'adm3', attributes: ['name'] })).toEqual({
      kind: 'admin',
      level: 3,
    });
    expect(quasiIdentifierKind('Years', { hashtag: 'respondee', attributes: ['age'] })).toEqual({
      kind: 'age',
    });
  });

  it('suggests the usual survey quasi-identifiers and leaves the rest', () => {
    const headers = [
      'id',
      'age',
      'sexo',
      'estado_civil',
      'district',
      'hh_size',
      'income',
      'displacement_status',
      'notes',
    ];
    expect(suggestQuasiIdentifiers(headers)).toEqual([
      'age',
      'sexo',
      'estado_civil',
      'district',
      'hh_size',
      'displacement_status',
    ]);
  });
});
