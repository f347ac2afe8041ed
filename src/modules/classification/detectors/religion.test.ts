import { describe, expect, it } from 'vitest';
import { classifyColumn, detectionOf, headerStrength } from '../testing/classify.js';
import { NONE, SHAPE, STRONG_HEADER, VALID } from './detector.js';
import { matchReligion, religionDetector } from './religion.js';

describe('religion detector', () => {
  it.each([
    ['Catholic', VALID],
    ['Musulmane', VALID],
    ['Evangélico', VALID],
    ["Jehovah's Witness", VALID],
    ['Église kimbanguiste', SHAPE],
    ['Blue', SHAPE],
    ['', NONE],
  ])('%s → %i', (value, verdict) => {
    expect(matchReligion(value)).toBe(verdict);
  });

  it.each([
    ['Religion', STRONG_HEADER],
    ['Religión', STRONG_HEADER],
    ['confession religieuse', STRONG_HEADER],
  ])('header %s → %s', (header, strength) => {
    expect(headerStrength(religionDetector, header)).toBe(strength);
  });

  it('rates religions medium from values alone and high under a religion header', () => {
    const answers = ['Catholic', 'Muslim', 'Protestant', 'Orthodox', 'Muslim'];
    expect(detectionOf(classifyColumn('col', answers), 'religion')?.confidence).toBe('medium');
    expect(detectionOf(classifyColumn('religion', answers), 'religion')?.confidence).toBe('high');
  });
});
