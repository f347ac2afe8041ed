import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-next';

describe('safeNext', () => {
  it('keeps a path inside the app with its query', () => {
    expect(safeNext('/people?office_id=abc')).toBe('/people?office_id=abc');
    expect(safeNext('/audit')).toBe('/audit');
  });

  it('refuses addresses that leave the app', () => {
    expect(safeNext('https://evil.example/')).toBe('/offices');
    expect(safeNext('//evil.example/')).toBe('/offices');
    expect(safeNext('/\\evil.example/')).toBe('/offices');
    expect(safeNext('javascript:alert(1)')).toBe('/offices');
  });

  it('does not loop back to the sign-in page', () => {
    expect(safeNext('/sign-in?next=%2Fpeople')).toBe('/offices');
    expect(safeNext('/login?error=oidc_failed')).toBe('/offices');
  });

  it('goes to the offices when nothing is asked for', () => {
    expect(safeNext(null)).toBe('/offices');
    expect(safeNext('')).toBe('/offices');
  });
});
