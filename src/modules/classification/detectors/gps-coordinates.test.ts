import { describe, expect, it } from 'vitest';
import { classifyColumn, detectionOf, headerStrength, values } from '../testing/classify.js';
import { DISTINCTIVE, NONE, SHAPE, STRONG_HEADER, WEAK_HEADER } from './detector.js';
import { gpsCoordinatesDetector, matchGpsCoordinates } from './gps-coordinates.js';

describe('gps_coordinates detector', () => {
  it.each([
    ['-1.292066, 36.821946', DISTINCTIVE, 'lat, lon'],
    ['-1.292066 36.821946 1661 5', DISTINCTIVE, 'ODK geopoint with altitude and accuracy'],
    ['(4.710989; -74.072092)', DISTINCTIVE, 'parenthesised, semicolon'],
    ['1°17\'31.4"S 36°49\'19.0"E', DISTINCTIVE, 'degrees, minutes, seconds'],
    ['-1.29, 36.82', NONE, 'two decimals: about a kilometre'],
    ['95.123456, 36.821946', NONE, 'latitude out of range'],
    ['0.000, 0.000', NONE, 'null island'],
    ['-1.292066', SHAPE, 'one precise coordinate'],
    ['36.8', NONE, 'imprecise'],
    ['1234.5678', NONE, 'out of range'],
    ['2024-03-01', NONE, 'date'],
  ])('%s → %i (%s)', (value, verdict) => {
    expect(matchGpsCoordinates(value)).toBe(verdict);
  });

  it.each([
    ['Latitude', STRONG_HEADER],
    ['_gps_longitude', STRONG_HEADER],
    ['Coordonnées GPS', STRONG_HEADER],
    ['location', WEAK_HEADER],
    ['gps accuracy', 'veto'],
  ])('header %s → %s', (header, strength) => {
    expect(headerStrength(gpsCoordinatesDetector, header)).toBe(strength);
  });

  it('rates lat/lon pairs high without a header', () => {
    const pairs = values(10, (i) => `-1.${292066 + i}, 36.${821946 + i}`);
    expect(detectionOf(classifyColumn('col', pairs), 'gps_coordinates')?.confidence).toBe('high');
  });

  it('rates single coordinates only under a latitude header or an HXL #geo+lat hashtag', () => {
    const lats = values(10, (i) => `-1.${292066 + i * 7}`);
    expect(detectionOf(classifyColumn('col', lats), 'gps_coordinates')).toBeUndefined();
    expect(detectionOf(classifyColumn('lat', lats), 'gps_coordinates')?.confidence).toBe('high');
    const hxl = { hashtag: 'geo', attributes: ['lat'] };
    expect(detectionOf(classifyColumn('col', lats, { hxl }), 'gps_coordinates')?.confidence).toBe('high');
  });
});
