import type { ScorecardGroup } from '@server/modules/scorecard/scorecard.schema';
import { describe, expect, it } from 'vitest';
import { BAND_COLOURS, type BandKey } from './bands';
import {
  countryTooltip,
  escapeHtml,
  mapCountries,
  mapTable,
  worldMapOption,
  type MapTexts,
} from './map-data';

const group = (
  key: string | null,
  name: string,
  score: number | null,
  band: ScorecardGroup['band'],
): ScorecardGroup => ({
  key,
  name,
  assets: 1,
  score,
  band,
  controls: {},
});

const places = [
  { code: 'KE', country_code: 'KE', region: 'EA' },
  { code: 'KE-NBO', country_code: 'ke', region: 'EA' },
  { code: 'UG', country_code: 'UG', region: 'EA' },
  { code: 'HQ-GVA', country_code: null, region: null },
  { code: 'XK', country_code: 'XK', region: 'EU' },
];

const WORDS: Record<BandKey, string> = {
  healthy: 'Healthy',
  fair: 'Fair',
  notHealthy: 'Not healthy',
  critical: 'Critical',
  none: 'Not scored',
};
const texts: MapTexts = {
  band: (key) => WORDS[key],
  language: 'en',
  country: (alpha2) => ({ KE: 'Kenya', UG: 'Uganda', XK: 'Kosovo' })[alpha2] ?? alpha2,
  sheet: 'Offices',
  columns: { country: 'Country', office: 'Office', code: 'Code', score: 'Score', band: 'Band' },
};

describe('mapCountries', () => {
  const { countries, unplaced } = mapCountries(
    [
      group('KE', 'Kenya CO', 85, 'Healthy'),
      group('KE-NBO', 'Nairobi <hub>', 30, 'Critical'),
      group('UG', 'Uganda CO', null, null),
      group('HQ-GVA', 'Geneva HQ', 70, 'Fair'),
      group('ZZ', 'Unknown office', 50, 'Not healthy'),
      group(null, 'No office', 10, 'Critical'),
      group('XK', 'Kosovo CO', 90, 'Healthy'),
    ],
    places,
  );

  it('colours a country by the worst band of its offices, by ISO numeric code', () => {
    expect(
      countries.map((country) => [country.mapName, country.alpha2, country.band, country.offices.length]),
    ).toEqual([
      ['404', 'KE', 'critical', 2],
      ['800', 'UG', 'none', 1],
      ['name:Kosovo', 'XK', 'healthy', 1],
    ]);
  });

  it('keeps offices without a known country apart, and skips assets without an office', () => {
    expect(unplaced.map((office) => office.code)).toEqual(['HQ-GVA', 'ZZ']);
  });

  it('draws each country in its band colour and escapes office names in tooltips', () => {
    const option = worldMapOption(countries, texts) as {
      series: { map: string; data: { name: string; itemStyle: { areaColor: string } }[] }[];
    };
    expect(option.series[0]?.map).toBe('world');
    expect(option.series[0]?.data.map((item) => [item.name, item.itemStyle.areaColor])).toEqual([
      ['404', BAND_COLOURS.critical],
      ['800', BAND_COLOURS.none],
      ['name:Kosovo', BAND_COLOURS.healthy],
    ]);
    expect(countryTooltip(countries[0]!, texts)).toBe(
      '<strong>Kenya</strong><br>Kenya CO: 85.0 · Healthy<br>Nairobi &lt;hub&gt;: 30.0 · Critical',
    );
  });

  it('downloads one row per office, unplaced ones without a country', () => {
    expect(mapTable(countries, unplaced, texts).rows).toEqual([
      ['Kenya', 'Kenya CO', 'KE', 85, 'Healthy'],
      ['Kenya', 'Nairobi <hub>', 'KE-NBO', 30, 'Critical'],
      ['Uganda', 'Uganda CO', 'UG', null, 'Not scored'],
      ['Kosovo', 'Kosovo CO', 'XK', 90, 'Healthy'],
      ['', 'Geneva HQ', 'HQ-GVA', 70, 'Fair'],
      ['', 'Unknown office', 'ZZ', 50, 'Not healthy'],
    ]);
  });
});

describe('escapeHtml', () => {
  it('escapes every character that could open markup or an attribute', () => {
    expect(escapeHtml(`<img src=x onerror="a('b')">&`)).toBe(
      '&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;',
    );
  });
});
