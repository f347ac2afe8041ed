import type { Detection, DetectorId } from '../classification.schema.js';
import { ColumnClassifier, type SamplingMode } from '../column-classifier.js';
import { matchHeader, type Detector, type HeaderStrength } from '../detectors/detector.js';
import { headerTokens } from '../detectors/text.js';
import type { HxlTag } from '../hxl.js';

export const TODAY = '2026-11-30';
export const MATCH = { today: TODAY, countries: [] as string[] };

/** Classify one column in full mode (every value checked) and return its detections. */
export function classifyColumn(
  header: string,
  values: readonly string[],
  options: { hxl?: HxlTag | null; personContext?: boolean; countries?: string[]; mode?: SamplingMode } = {},
): Detection[] {
  const classifier = new ColumnClassifier({
    name: header,
    hxl: options.hxl ?? null,
    personContext: options.personContext ?? false,
    mode: options.mode ?? { kind: 'full' },
    match: { today: TODAY, countries: options.countries ?? [] },
  });
  for (const value of values) classifier.feed(value);
  return classifier.finish().detections;
}

/** The detection of one type, or undefined. */
export function detectionOf(detections: readonly Detection[], type: DetectorId): Detection | undefined {
  return detections.find((d) => d.type === type);
}

/** `type:confidence` for each detection, for compact assertions. */
export function summary(detections: readonly Detection[]): string[] {
  return detections.map((d) => `${d.type}:${d.confidence}`);
}

export function headerStrength(detector: Detector, header: string): HeaderStrength | 'veto' {
  const match = matchHeader(headerTokens(header), detector.header);
  return match.vetoed ? 'veto' : match.strength;
}

/** n values made by `make(i)` for i = 0..n-1. */
export function values(n: number, make: (i: number) => string): string[] {
  return Array.from({ length: n }, (_, i) => make(i));
}
