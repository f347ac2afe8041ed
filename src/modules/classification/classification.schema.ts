import { z } from 'zod';

/**
 * Stable detector ids: the JSON contract of `custos scan --json`, the label policy and the web use
 * them, so an id is never renamed; a new kind of data gets a new id.
 */
export const DETECTOR_IDS = [
  'person_name',
  'email',
  'phone',
  'date_of_birth',
  'national_id',
  'passport_number',
  'iban',
  'payment_card',
  'ip_address',
  'gps_coordinates',
  'address',
  'gender',
  'nationality',
  'ethnicity',
  'religion',
  'health',
  'biometric',
  'case_id',
  'free_text_personal',
  'credential',
] as const;

export type DetectorId = (typeof DETECTOR_IDS)[number];

/** Lowest to highest; the order matters (`raiseConfidence`, policy thresholds). */
export const CONFIDENCES = ['low', 'medium', 'high'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/**
 * Extra facts a detection can carry beyond its type: `protection` marks protection or GBV case
 * content (a special category in humanitarian work, see docs/classification.md).
 */
export const DETECTION_SIGNALS = ['protection'] as const;
export type DetectionSignal = (typeof DETECTION_SIGNALS)[number];

export const detectionSchema = z.object({
  type: z.enum(DETECTOR_IDS),
  confidence: z.enum(CONFIDENCES),
  /** Values that matched, among `sampled`. */
  matched: z.number().int().min(0),
  /** Non-empty values checked (every value with `--full`). */
  sampled: z.number().int().min(0),
  /** At most three masked examples; raw values are never kept. */
  examples: z.array(z.string()).max(3),
  signals: z.array(z.enum(DETECTION_SIGNALS)).optional(),
});
export type Detection = z.infer<typeof detectionSchema>;

export const columnDetectionsSchema = z.object({
  name: z.string(),
  detections: z.array(detectionSchema),
});
export type ColumnDetections = z.infer<typeof columnDetectionsSchema>;

export function confidenceRank(confidence: Confidence): number {
  return CONFIDENCES.indexOf(confidence);
}

export function raiseConfidence(confidence: Confidence): Confidence {
  return CONFIDENCES[Math.min(confidenceRank(confidence) + 1, CONFIDENCES.length - 1)]!;
}

export function lowerConfidence(confidence: Confidence): Confidence {
  return CONFIDENCES[Math.max(confidenceRank(confidence) - 1, 0)]!;
}

export function minConfidence(a: Confidence, b: Confidence): Confidence {
  return confidenceRank(a) <= confidenceRank(b) ? a : b;
}
