import { describe, expect, it } from 'vitest';
import { classifyColumn, detectionOf, headerStrength } from '../testing/classify.js';
import { biometricDetector, matchBiometric } from './biometric.js';
import { NONE, SHAPE, STRONG_HEADER, VALID, WEAK_HEADER } from './detector.js';

const TEMPLATE = `Rk1SACAyMAAAAAE${'A'.repeat(80)}`;

describe('biometric detector', () => {
  it.each([
    [TEMPLATE, VALID, 'ISO 19794-2 finger minutiae record (base64)'],
    ['right_thumb_0042.wsq', VALID, 'WSQ fingerprint image'],
    ['photo_0042.jpg', SHAPE, 'image file'],
    ['Q'.repeat(100), SHAPE, 'encoded blob'],
    ['yes', NONE, 'answer'],
  ])('%s → %i (%s)', (value, verdict) => {
    expect(matchBiometric(value)).toBe(verdict);
  });

  it.each([
    ['Fingerprint template', STRONG_HEADER],
    ['empreinte digitale', STRONG_HEADER],
    ['huella_dactilar', STRONG_HEADER],
    ['iris', STRONG_HEADER],
    ['photo', WEAK_HEADER],
    ['biometric consent', 'veto'],
  ])('header %s → %s', (header, strength) => {
    expect(headerStrength(biometricDetector, header)).toBe(strength);
  });

  it('rates templates under a biometric header high and never decides on blobs alone', () => {
    expect(detectionOf(classifyColumn('fingerprint', [TEMPLATE, TEMPLATE]), 'biometric')?.confidence).toBe(
      'high',
    );
    expect(detectionOf(classifyColumn('col', [TEMPLATE, TEMPLATE]), 'biometric')).toBeUndefined();
  });
});
