import { describe, expect, it } from 'vitest';
import { ColumnClassifier, MAX_VALUE_CHARS, type SamplingMode } from './column-classifier.js';
import { MATCH, classifyColumn, detectionOf, summary, values } from './testing/classify.js';

function run(name: string, column: readonly (string | null | undefined)[], mode: SamplingMode) {
  const classifier = new ColumnClassifier({ name, mode, match: MATCH });
  for (const value of column) classifier.feed(value);
  return classifier.finish();
}

const PHONES = values(5000, (i) => `+2547${12_000_000 + i * 17}`);

describe('column classifier', () => {
  it('checks every value in full mode', () => {
    const result = run('telefono', PHONES, { kind: 'full' });
    expect(result).toMatchObject({ name: 'telefono', values: 5000, sampled: 5000 });
    expect(detectionOf(result.detections, 'phone')).toMatchObject({ matched: 5000, sampled: 5000 });
  });

  it('checks a sample of at most N values in sample mode, counting every value fed', () => {
    const result = run('telefono', PHONES, { kind: 'sample', size: 200, seed: 1 });
    expect(result).toMatchObject({ values: 5000, sampled: 200 });
    expect(detectionOf(result.detections, 'phone')).toMatchObject({
      confidence: 'high',
      matched: 200,
      sampled: 200,
    });
  });

  it('samples over the whole stream: values that only appear late are still seen', () => {
    const late = [...values(5000, () => 'n/a'), ...values(5000, (i) => `amina${i}@example.org`)];
    const result = run('col', late, { kind: 'sample', size: 500, seed: 9 });
    const email = detectionOf(result.detections, 'email');
    expect(email?.matched).toBeGreaterThan(200);
    expect(email?.matched).toBeLessThan(300);
  });

  it('gives the same result for the same seed', () => {
    const mixed = values(3000, (i) => (i % 3 ? `+2547${12_000_000 + i * 17}` : 'none'));
    const a = run('col', mixed, { kind: 'sample', size: 100, seed: 5 });
    const b = run('col', mixed, { kind: 'sample', size: 100, seed: 5 });
    expect(a).toEqual(b);
  });

  it('counts every occurrence of repeated values, checked once each', () => {
    const sexes = values(20_000, (i) => (i % 3 ? 'M' : 'F'));
    const result = run('sexo', sexes, { kind: 'full' });
    expect(detectionOf(result.detections, 'gender')).toMatchObject({ matched: 20_000, sampled: 20_000 });
  });

  it('ignores empty, blank and missing cells', () => {
    const result = run('email', ['', '  ', null, undefined, 'amina@example.org'], { kind: 'full' });
    expect(result).toMatchObject({ values: 1, sampled: 1 });
    expect(detectionOf(result.detections, 'email')).toMatchObject({ matched: 1, sampled: 1 });
  });

  it('keeps at most three distinct masked examples and never a raw value', () => {
    const secrets = values(50, (i) => `+2547${12_000_000 + i * 17}`);
    const result = run('phone', secrets, { kind: 'full' });
    const phone = detectionOf(result.detections, 'phone')!;
    expect(phone.examples.length).toBeLessThanOrEqual(3);
    expect(new Set(phone.examples).size).toBe(phone.examples.length);
    const output = JSON.stringify(result);
    for (const secret of secrets) expect(output).not.toContain(secret.slice(1));
  });

  it('looks at no more than the first characters of a huge cell', () => {
    const huge = `amina@example.org ${'x'.repeat(5_000_000)}`;
    const started = Date.now();
    const result = run('notes', [huge], { kind: 'full' });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(result.values).toBe(1);
    expect(MAX_VALUE_CHARS).toBeLessThan(huge.length);
  });

  it('lists detections strongest first', () => {
    const contact = [...values(8, (i) => `+2547${12_000_000 + i * 17}`), 'a@example.org', 'b@example.org'];
    expect(summary(classifyColumn('contact', contact))).toEqual(['phone:high', 'email:low']);
  });

  it('refuses to be fed after finishing, or finished twice', () => {
    const classifier = new ColumnClassifier({ name: 'x', match: MATCH });
    classifier.finish();
    expect(() => classifier.feed('a')).toThrow(/after finish/);
    expect(() => classifier.finish()).toThrow(/twice/);
  });

  it('reports an empty column under a telling header as a low detection', () => {
    expect(summary(classifyColumn('fecha de nacimiento', []))).toEqual(['date_of_birth:low']);
    expect(classifyColumn('col', [])).toEqual([]);
  });
});
