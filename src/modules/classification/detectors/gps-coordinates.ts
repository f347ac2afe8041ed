import { assessStandard } from './confidence.js';
import {
  DISTINCTIVE,
  HAS_COMMA,
  HAS_DIGIT,
  HAS_SPACE,
  NONE,
  SHAPE,
  headerTerms,
  type Detector,
  type Verdict,
} from './detector.js';

/** A decimal degree with at least three decimals (about 100 m): precise enough to find a person. */
const PRECISE = /^[+-]?\d{1,3}\.\d{3,}$/;
const DMS =
  /^(\d{1,2})°\s*(\d{1,2})['′]\s*(\d{1,2}(?:\.\d+)?)["″]?\s*([NS])[\s,;]+(\d{1,3})°\s*(\d{1,2})['′]\s*(\d{1,2}(?:\.\d+)?)["″]?\s*([EW])$/i;

function inRange(lat: number, lon: number): boolean {
  return Math.abs(lat) <= 90 && Math.abs(lon) <= 180 && !(lat === 0 && lon === 0);
}

/**
 * Coordinates of a place: a "lat, lon" pair (comma, semicolon or spaces; ODK geopoints add altitude
 * and accuracy) of precise decimals in range, or degrees-minutes-seconds, is DISTINCTIVE. A single
 * precise decimal in [-180, 180] is SHAPE: it counts under a latitude/longitude header or `#geo+lat`.
 */
export function matchGpsCoordinates(value: string): Verdict {
  const text = value.trim();
  if (text.length < 5 || text.length > 80 || !/^[(+\-\d]/.test(text)) return NONE;
  if (DMS.test(text)) return DISTINCTIVE;
  const parts = text.replace(/^\(|\)$/g, '').split(/\s*[,;]\s*|\s+/);
  if (parts.length >= 2 && parts.length <= 4 && PRECISE.test(parts[0]!) && PRECISE.test(parts[1]!)) {
    const rest = parts.slice(2);
    if (rest.every((p) => /^[+-]?\d+(\.\d+)?$/.test(p)) && inRange(Number(parts[0]), Number(parts[1])))
      return DISTINCTIVE;
  }
  if (parts.length === 1 && PRECISE.test(text) && Math.abs(Number(text)) <= 180) return SHAPE;
  return NONE;
}

export const gpsCoordinatesDetector: Detector = {
  id: 'gps_coordinates',
  header: headerTerms({
    strong: [
      'latitude',
      'longitude',
      'lat',
      'lon',
      'lng',
      'gps',
      'coordinates',
      'geolocation',
      'geopoint',
      'coordonnées',
      'coordonnées gps',
      'géolocalisation',
      'coordenadas',
      'geolocalización',
    ],
    weak: ['location', 'localisation', 'ubicación', 'position', 'posición', 'long'],
    veto: ['accuracy', 'précision', 'precisión', 'altitude', 'altitud', 'elevation'],
  }),
  // Without a header only pairs count: two numbers need a space, comma or semicolon between them.
  prefilter: (p, withHeader) =>
    (p.chars & HAS_DIGIT) !== 0 && (withHeader || (p.chars & (HAS_SPACE | HAS_COMMA)) !== 0),
  matcher: () => matchGpsCoordinates,
  assess: (evidence) => assessStandard(evidence, { valueOnly: null, distinctive: 'high' }),
};
