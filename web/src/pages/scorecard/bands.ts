import type { Band } from '@server/modules/scorecard/scorecard.schema';

/** The i18n key of each band (`scorecard.bands.<key>`); a scope with nothing to score has none. */
export const BAND_KEYS = {
  Healthy: 'healthy',
  Fair: 'fair',
  'Not healthy': 'notHealthy',
  Critical: 'critical',
} as const satisfies Record<Band, string>;
export type BandKey = (typeof BAND_KEYS)[Band] | 'none';

export function bandKey(band: Band | null): BandKey {
  return band === null ? 'none' : BAND_KEYS[band];
}

/**
 * Band colours, chosen to stay apart for the common colour-vision deficiencies (blue-green, yellow,
 * orange, magenta-red); the band's word is always shown beside them, so colour is never the only cue.
 */
export const BAND_COLOURS: Record<BandKey, string> = {
  healthy: '#1b7f5c',
  fair: '#d9a400',
  notHealthy: '#e8702a',
  critical: '#c0163f',
  none: '#adb5bd',
};

/** Mantine badge colours of the bands. */
export const BAND_BADGE_COLOURS: Record<BandKey, string> = {
  healthy: 'teal',
  fair: 'yellow',
  notHealthy: 'orange',
  critical: 'red',
  none: 'gray',
};

/** Worst first, for ranking countries with several offices. */
const SEVERITY: Record<BandKey, number> = { critical: 0, notHealthy: 1, fair: 2, healthy: 3, none: 4 };

export function worseBand(a: BandKey, b: BandKey): BandKey {
  return SEVERITY[a] <= SEVERITY[b] ? a : b;
}
