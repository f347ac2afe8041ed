import { describe, expect, it } from 'vitest';
import { classifyColumn, detectionOf, headerStrength, values } from '../testing/classify.js';
import { DISTINCTIVE, NONE, STRONG_HEADER, WEAK_HEADER } from './detector.js';
import { emailDetector, isEmailAddress } from './email.js';

const match = emailDetector.matcher!({ today: '2026-11-30', countries: [] });

describe('email detector', () => {
  it.each([
    ['amina.yusuf@example.org', DISTINCTIVE],
    ['JOSE.GARCIA@Correo.Example.CO', DISTINCTIVE],
    ['mailto:fatou@ngo.example', DISTINCTIVE],
    ['chloé.martin@exemple.fr', DISTINCTIVE],
    ['name+tag@sub.domain.example', DISTINCTIVE],
    ['not an email', NONE],
    ['amina@localhost', NONE],
    ['a..b@example.org', NONE],
    ['@example.org', NONE],
    ['amina@example.org and more', NONE],
    ['user@@example.org', NONE],
  ])('%s → %i', (value, verdict) => {
    expect(match(value)).toBe(verdict);
  });

  it('refuses addresses longer than RFC 5321 allows', () => {
    expect(isEmailAddress(`${'a'.repeat(250)}@example.org`)).toBe(false);
  });

  it.each([
    ['Email', STRONG_HEADER],
    ['E-mail address', STRONG_HEADER],
    ['Courriel', STRONG_HEADER],
    ['Correo electrónico', STRONG_HEADER],
    ['correo_beneficiario', STRONG_HEADER],
    ['Contact', WEAK_HEADER],
  ])('header %s has strength %s', (header, strength) => {
    expect(headerStrength(emailDetector, header)).toBe(strength);
  });

  it('calls a column of addresses e-mail with high confidence even without a header, masking examples', () => {
    const detection = detectionOf(
      classifyColumn(
        'col_7',
        values(20, (i) => `person${i}@example.org`),
      ),
      'email',
    );
    expect(detection).toMatchObject({ confidence: 'high', matched: 20, sampled: 20 });
    expect(detection!.examples[0]).toBe('pe****@ex****.org');
  });

  it('gives a low detection when a fifth of a mixed contact column holds addresses', () => {
    const mixed = [...values(3, (i) => `p${i}@example.org`), ...values(7, (i) => `+2547123456${10 + i}`)];
    expect(detectionOf(classifyColumn('col', mixed), 'email')?.confidence).toBe('low');
  });
});
