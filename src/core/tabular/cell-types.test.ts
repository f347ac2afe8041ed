import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { cell } from './cell-types.js';

function parse(
  schema: z.ZodType,
  text: string,
): { ok: true; value: unknown } | { ok: false; message: string } {
  const result = schema.safeParse(text);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, message: result.error.issues[0]?.message ?? '' };
}

const ROLES = ['data_owner', 'data_custodian', 'focal_point'] as const;

describe('cell kinds parse cell text', () => {
  const cases: Array<[string, z.ZodType, string, unknown]> = [
    ['text is trimmed', cell.text().schema, '  Ada Lovelace ', 'Ada Lovelace'],
    ['e-mail is trimmed and lower-cased', cell.email().schema, ' Ada@Example.ORG ', 'ada@example.org'],
    ['choice forgives case and punctuation', cell.choice(ROLES).schema, 'Data Owner', 'data_owner'],
    [
      'choice accepts synonyms',
      cell.choice(ROLES, { focal_point: ['point focal'] }).schema,
      'Point focal',
      'focal_point',
    ],
    [
      'choice list splits on ; , | and line breaks, drops repeats',
      cell.choiceList(ROLES).schema,
      'data owner; focal_point,Data-Owner\ndata_custodian',
      ['data_owner', 'focal_point', 'data_custodian'],
    ],
    [
      'text list keeps commas inside items',
      cell.textList().schema,
      'Nairobi, Kenya; Dakar, Senegal',
      ['Nairobi, Kenya', 'Dakar, Senegal'],
    ],
    ['date as YYYY-MM-DD', cell.date().schema, '2024-02-29', '2024-02-29'],
    ['date with a midnight time from a date cell', cell.date().schema, '2024-02-29 00:00', '2024-02-29'],
    ['an Excel serial day (a date cell read as a number)', cell.date().schema, '46477', '2027-03-31'],
    ['the first serial day accepted', cell.date().schema, '18264', '1950-01-01'],
    ['the last serial day accepted', cell.date().schema, ' 109574 ', '2199-12-31'],
    ['integer', cell.integer().schema, '-42', -42],
    ['integer written with a decimal comma of zero', cell.integer().schema, '12,0', 12],
    ['decimal with a dot', cell.number().schema, '3.25', 3.25],
    ['decimal with a comma (French)', cell.number().schema, '3,25', 3.25],
    ['boolean yes in French', cell.boolean().schema, 'Oui', true],
    ['boolean as Excel writes it', cell.boolean().schema, 'FALSE', false],
  ];
  it.each(cases)('%s', (_name, schema, text, expected) => {
    expect(parse(schema, text)).toEqual({ ok: true, value: expected });
  });

  const refused: Array<[string, z.ZodType, string, string]> = [
    ['text over its length', cell.text({ max: 5 }).schema, 'abcdef', 'at most 5 characters'],
    ['an e-mail without domain', cell.email().schema, 'ada@', 'not a valid e-mail address'],
    [
      'an unknown choice',
      cell.choice(ROLES).schema,
      'owner',
      '"owner" is not one of: data_owner, data_custodian, focal_point',
    ],
    [
      'an unknown item in a list',
      cell.choiceList(ROLES).schema,
      'data_owner; boss',
      '"boss" is not one of: data_owner, data_custodian, focal_point',
    ],
    ['a day-first date', cell.date().schema, '31/12/2025', '"31/12/2025" is not a date as YYYY-MM-DD'],
    ['a year, not a serial day', cell.date().schema, '2025', '"2025" is not a date as YYYY-MM-DD'],
    ['a serial day before 1950', cell.date().schema, '18263', '"18263" is not a date as YYYY-MM-DD'],
    ['a serial day after 2199', cell.date().schema, '109575', '"109575" is not a date as YYYY-MM-DD'],
    ['a serial day with a time', cell.date().schema, '46477.5', '"46477.5" is not a date as YYYY-MM-DD'],
    ['an impossible date', cell.date().schema, '2025-02-29', '"2025-02-29" is not a date as YYYY-MM-DD'],
    [
      'a date with a time of day',
      cell.date().schema,
      '2025-02-28 14:30',
      '"2025-02-28 14:30" is not a date as YYYY-MM-DD',
    ],
    ['a fraction as integer', cell.integer().schema, '1.5', '"1.5" is not a whole number'],
    ['an integer below its minimum', cell.integer({ min: 0 }).schema, '-1', 'must be at least 0'],
    ['thousands separators', cell.number().schema, '1,000.5', '"1,000.5" is not a number'],
    ['a word as number', cell.number({ max: 10 }).schema, 'ten', '"ten" is not a number'],
    ['a number above its maximum', cell.number({ max: 10 }).schema, '10.5', 'must be at most 10'],
    ['a boolean that is neither', cell.boolean().schema, 'maybe', '"maybe" is not one of: yes, no'],
  ];
  it.each(refused)('refuses %s', (_name, schema, text, message) => {
    expect(parse(schema, text)).toEqual({ ok: false, message });
  });

  it('refuses choices that would be indistinguishable once normalised', () => {
    expect(() => cell.choice(['data-owner', 'data_owner'])).toThrow(/both match/);
  });
});

describe('cell kinds format values back to what they parse', () => {
  it.each([
    ['choice list', cell.choiceList(ROLES), ['data_owner', 'focal_point'], 'data_owner; focal_point'],
    ['text list', cell.textList(), ['a, b', 'c'], 'a, b; c'],
    ['boolean', cell.boolean(), false, 'no'],
    ['integer', cell.integer(), 7, 7],
  ] as const)('%s', (_name, kind, value, written) => {
    const format = kind.format as (v: unknown) => unknown;
    expect(format(value)).toEqual(written);
    expect(kind.schema.safeParse(String(written)).data).toEqual(value);
  });

  it('date writes a UTC midnight Date so workbooks get a real date cell', () => {
    expect(cell.date().format('2025-03-31')).toEqual(new Date(Date.UTC(2025, 2, 31)));
  });
});
