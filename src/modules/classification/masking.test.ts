import { describe, expect, it } from 'vitest';
import { maskEmail, maskSecret, maskValue, maskWords } from './masking.js';

describe('masking examples', () => {
  it.each([
    ['+254712345612', '+2547******12'],
    ['DE89370400440532013000', 'DE893***************00'],
    ['12345678Z', '123****8Z'],
    ['AB12345', 'A*****5'],
    ['12345', '1****'],
    ['M', '*'],
    ['ABCD', '****'],
    ['  +254712345612  ', '+2547******12'],
    ['A'.repeat(500), `AAAAA${'*'.repeat(18)}…`],
    ['line\u001b[31mred\nnext', 'line **********xt'],
  ])('%j → %j', (value, masked) => {
    expect(maskValue(value)).toBe(masked);
  });

  it('never returns a value of more than a few characters unmasked', () => {
    for (const value of ['+254712345612', 'Amina Yusuf', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789']) {
      const visible = maskValue(value).replace(/[*…]/g, '');
      expect(visible.length).toBeLessThanOrEqual(7);
    }
  });

  it('shows initials of names, two characters of e-mail parts, and only a prefix of secrets', () => {
    expect(maskWords('Amina  Yusuf')).toBe('A**** Y****');
    expect(maskEmail('amina.yusuf@example.org')).toBe('am****@ex****.org');
    expect(maskEmail('bad-address')).toBe('bad******ss');
    expect(maskSecret('AKIAIOSFODNN7EXAMPLE')).toBe('AKIA********');
    expect(maskSecret('hunter2')).toBe('********');
  });
});
