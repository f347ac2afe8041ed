import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES } from '../../../../src/modules/org/countries';
import { countryMapName, NUMERIC_CODES } from './country-codes';
import { unwrapRing, worldFeatures } from './world-map';

const atlas = createRequire(import.meta.url)('world-atlas/countries-110m.json') as Parameters<
  typeof worldFeatures
>[0];
const features = worldFeatures(atlas, feature).features;
const names = new Set(features.map((country) => country.properties.name));

describe('country codes', () => {
  it('give every country code an office may have a distinct numeric code, except Kosovo', () => {
    const missing = [...COUNTRY_CODES].filter((code) => code !== 'XK' && !NUMERIC_CODES.has(code));
    expect(missing).toEqual([]);
    expect(new Set(NUMERIC_CODES.values()).size).toBe(NUMERIC_CODES.size);
    expect([...NUMERIC_CODES.keys()].filter((code) => !COUNTRY_CODES.has(code))).toEqual([]);
  });

  it.each([
    ['KE', '404'],
    ['ke', '404'],
    ['CH', '756'],
    ['SS', '728'],
    ['PS', '275'],
    ['XK', 'name:Kosovo'],
    ['ZZ', null],
    [null, null],
  ])('find %j on the map as %j', (alpha2, name) => {
    expect(countryMapName(alpha2)).toBe(name);
  });
});

describe('worldFeatures', () => {
  it('names every country of the map by a numeric code that an alpha-2 code leads to', () => {
    const reachable = new Set([...COUNTRY_CODES].map(countryMapName));
    expect([...names].filter((name) => !reachable.has(name) && !name.startsWith('name:'))).toEqual([]);
  });

  it('draws the countries of large offices, Kosovo by name, and leaves Antarctica out', () => {
    for (const code of ['KE', 'UG', 'SS', 'CD', 'AF', 'CO', 'UA', 'XK', 'CH', 'US']) {
      expect(names.has(countryMapName(code)!), code).toBe(true);
    }
    expect(names.has('010')).toBe(false);
    expect(features.find((country) => country.properties.name === '404')?.properties.label).toBe('Kenya');
  });
});

describe('unwrapRing', () => {
  it.each([
    [
      [
        [170, 60],
        [180, 65],
        [-180, 65],
        [-175, 60],
      ],
      [
        [170, 60],
        [180, 65],
        [180, 65],
        [185, 60],
      ],
    ],
    [
      [
        [-10, 0],
        [10, 0],
        [0, 10],
      ],
      [
        [-10, 0],
        [10, 0],
        [0, 10],
      ],
    ],
  ])(
    'moves the western part of a ring crossing 180° east of it, and leaves others alone',
    (ring, expected) => {
      expect(unwrapRing(ring)).toEqual(expected);
    },
  );

  it('leaves no country of the map with a jump across the world', () => {
    const jumps = features.filter((country) => {
      const geometry = country.geometry;
      const polygons =
        geometry.type === 'Polygon'
          ? [geometry.coordinates]
          : geometry.type === 'MultiPolygon'
            ? geometry.coordinates
            : [];
      return polygons.some((polygon) =>
        polygon.some((ring) =>
          ring.some((point, i) => i > 0 && Math.abs(point[0]! - ring[i - 1]![0]!) > 180),
        ),
      );
    });
    expect(jumps.map((country) => country.properties.label)).toEqual([]);
  });
});
