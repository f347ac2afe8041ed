import type { DetectorId } from '../classification.schema.js';
import { addressDetector } from './address.js';
import { biometricDetector } from './biometric.js';
import { caseIdDetector } from './case-id.js';
import { credentialDetector } from './credential.js';
import { dateOfBirthDetector } from './date-of-birth.js';
import type { Detector } from './detector.js';
import { emailDetector } from './email.js';
import { ethnicityDetector } from './ethnicity.js';
import { freeTextPersonalDetector } from './free-text-personal.js';
import { genderDetector } from './gender.js';
import { gpsCoordinatesDetector } from './gps-coordinates.js';
import { healthDetector } from './health.js';
import { ibanDetector } from './iban.js';
import { ipAddressDetector } from './ip-address.js';
import { nationalIdDetector } from './national-id.js';
import { nationalityDetector } from './nationality.js';
import { passportNumberDetector } from './passport-number.js';
import { paymentCardDetector } from './payment-card.js';
import { personNameDetector } from './person-name.js';
import { phoneDetector } from './phone.js';
import { religionDetector } from './religion.js';

/** Every detector, in the order of DETECTOR_IDS (the order detections are reported in). */
export const DETECTORS: readonly Detector[] = [
  personNameDetector,
  emailDetector,
  phoneDetector,
  dateOfBirthDetector,
  nationalIdDetector,
  passportNumberDetector,
  ibanDetector,
  paymentCardDetector,
  ipAddressDetector,
  gpsCoordinatesDetector,
  addressDetector,
  genderDetector,
  nationalityDetector,
  ethnicityDetector,
  religionDetector,
  healthDetector,
  biometricDetector,
  caseIdDetector,
  freeTextPersonalDetector,
  credentialDetector,
];

export function detectorById(id: DetectorId): Detector {
  const detector = DETECTORS.find((d) => d.id === id);
  if (!detector) throw new Error(`No detector ${id}`);
  return detector;
}
