import { assessStandard } from './confidence.js';
import { NONE, SHAPE, VALID, headerTerms, type Detector, type Verdict } from './detector.js';

/** Base64 of ISO/IEC 19794 record headers: "FMR\0" (finger minutiae), "IIR\0" (iris), "FAC\0" (face). */
const ISO_TEMPLATE = /^(?:Rk1SA|SUlSA|RkFDA)/;
const BLOB = /^[A-Za-z0-9+/=_-]{64,}$/;
const IMAGE_FILE = /\.(?:jpe?g|png|bmp|tiff?|wsq|jp2|heic)$/i;

/**
 * Biometric data: ISO 19794 templates (base64) and WSQ fingerprint images are VALID; other long
 * encoded blobs and image file names are SHAPE, counting only under a biometric header.
 */
export function matchBiometric(value: string): Verdict {
  const text = value.trim();
  if (text.length < 5) return NONE;
  if (ISO_TEMPLATE.test(text) || /\.wsq$/i.test(text)) return VALID;
  if (BLOB.test(text) || (text.length <= 260 && IMAGE_FILE.test(text))) return SHAPE;
  return NONE;
}

export const biometricDetector: Detector = {
  id: 'biometric',
  header: headerTerms({
    strong: [
      'biometric',
      'biometrics',
      'fingerprint',
      'finger print',
      'iris',
      'iris scan',
      'iris code',
      'facial',
      'face template',
      'face image',
      'facial recognition',
      'palm print',
      'voiceprint',
      'biometric template',
      'biométrie',
      'biométrique',
      'empreinte',
      'empreinte digitale',
      'reconnaissance faciale',
      'biometría',
      'biométrico',
      'huella',
      'huella dactilar',
      'reconocimiento facial',
    ],
    weak: ['photo', 'photograph', 'picture', 'portrait', 'selfie', 'foto', 'fotografía'],
    veto: ['consent', 'consentement', 'consentimiento', 'date', 'fecha', 'device', 'appareil', 'dispositivo'],
  }),
  matcher: () => matchBiometric,
  needsHeader: true,
  assess: (evidence) => assessStandard(evidence, { valueOnly: null }),
};
