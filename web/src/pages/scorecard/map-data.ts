import type { ScorecardGroup } from '@server/modules/scorecard/scorecard.schema';
import { countryMapName } from '../../components/charts/country-codes';
import type { ChartOption } from '../../components/charts/echarts';
import type { SheetData } from '../../components/charts/xlsx';
import { WORLD_MAP } from '../../components/charts/world-map';
import { BAND_COLOURS, bandKey, worseBand, type BandKey } from './bands';
import { scoreLabel } from './chart-options';

/*
 * Offices on the world map: each country coloured by the worst band among its offices, so a country
 * with one critical office never looks healthy.
 */

export interface OfficePlace {
  code: string;
  country_code: string | null;
  /** The code of the office's region, to drill into it from the map. */
  region: string | null;
}

export interface MapOffice {
  code: string;
  name: string;
  score: number | null;
  band: BandKey;
  region: string | null;
}

export interface MapCountry {
  /** The country's name in the map's geometry (its ISO numeric code). */
  mapName: string;
  alpha2: string;
  band: BandKey;
  offices: MapOffice[];
}

export function mapCountries(
  groups: readonly ScorecardGroup[],
  places: readonly OfficePlace[],
): { countries: MapCountry[]; unplaced: MapOffice[] } {
  const placeOf = new Map(places.map((place) => [place.code, place]));
  const countries = new Map<string, MapCountry>();
  const unplaced: MapOffice[] = [];
  for (const group of groups) {
    if (group.key === null) continue;
    const place = placeOf.get(group.key);
    const office: MapOffice = {
      code: group.key,
      name: group.name ?? group.key,
      score: group.score,
      band: bandKey(group.band),
      region: place?.region ?? null,
    };
    const alpha2 = place?.country_code?.toUpperCase() ?? null;
    const mapName = countryMapName(alpha2);
    if (!alpha2 || !mapName) {
      unplaced.push(office);
      continue;
    }
    const country = countries.get(mapName);
    if (country) {
      country.offices.push(office);
      country.band = worseBand(country.band, office.band);
    } else {
      countries.set(mapName, { mapName, alpha2, band: office.band, offices: [office] });
    }
  }
  return { countries: [...countries.values()], unplaced };
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export interface MapTexts {
  band: (key: BandKey) => string;
  /** The reader's language, for the numbers. */
  language: string;
  country: (alpha2: string) => string;
  columns: { country: string; office: string; code: string; score: string; band: string };
  sheet: string;
}

/** The tooltip of a country: its name, then each office with its score and band (text escaped). */
export function countryTooltip(country: MapCountry, texts: MapTexts): string {
  const lines = country.offices.map(
    (office) =>
      `${escapeHtml(office.name)}: ${escapeHtml(scoreLabel(office.score, texts.band(office.band), texts.language))}`,
  );
  return [`<strong>${escapeHtml(texts.country(country.alpha2))}</strong>`, ...lines].join('<br>');
}

export function worldMapOption(countries: readonly MapCountry[], texts: MapTexts): ChartOption {
  const byName = new Map(countries.map((country) => [country.mapName, country]));
  return {
    aria: { enabled: true },
    tooltip: {
      trigger: 'item',
      formatter: (params: { name: string }) => {
        const country = byName.get(params.name);
        return country ? countryTooltip(country, texts) : '';
      },
    },
    series: [
      {
        type: 'map',
        map: WORLD_MAP,
        roam: true,
        // As wide as the card, keeping the world's proportions.
        layoutCenter: ['50%', '50%'],
        layoutSize: '100%',
        selectedMode: false,
        itemStyle: { areaColor: '#f1f3f5', borderColor: '#ced4da', borderWidth: 0.5 },
        emphasis: { label: { show: false }, itemStyle: { areaColor: '#d0ebff' } },
        data: countries.map((country) => ({
          name: country.mapName,
          value: country.offices.length,
          itemStyle: { areaColor: BAND_COLOURS[country.band] },
          emphasis: {
            itemStyle: { areaColor: BAND_COLOURS[country.band], borderColor: '#212529', borderWidth: 1 },
          },
        })),
      },
    ],
  };
}

export function mapTable(
  countries: readonly MapCountry[],
  unplaced: readonly MapOffice[],
  texts: MapTexts,
): SheetData {
  const row = (country: string, office: MapOffice) => [
    country,
    office.name,
    office.code,
    office.score,
    texts.band(office.band),
  ];
  const { columns } = texts;
  return {
    name: texts.sheet,
    columns: [columns.country, columns.office, columns.code, columns.score, columns.band],
    rows: [
      ...countries.flatMap((country) =>
        country.offices.map((office) => row(texts.country(country.alpha2), office)),
      ),
      ...unplaced.map((office) => row('', office)),
    ],
  };
}
