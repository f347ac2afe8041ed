import { describe, expect, it } from 'vitest';
import { guardFormula, unguardFormula } from './formula-guard.js';

describe('formula guard', () => {
  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+41 22 000 00 00', "'+41 22 000 00 00"],
    ['-minus', "'-minus"],
    ['@handle', "'@handle"],
    ['\t=tab first', "'\t=tab first"],
    ["'=already quoted", "''=already quoted"],
    ["''@twice", "'''@twice"],
    ['plain', 'plain'],
    ["'apostrophe only", "'apostrophe only"],
    ['a=b', 'a=b'],
    ['', ''],
  ])('%j is written as %j and read back unchanged', (text, written) => {
    expect(guardFormula(text)).toBe(written);
    expect(unguardFormula(written)).toBe(text);
  });
});
