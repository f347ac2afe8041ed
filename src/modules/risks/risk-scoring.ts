/*
 * Risk scoring on a 5×5 matrix: a score is likelihood × impact (1–25), and the level is the band the
 * score falls in. The bands follow the common 5×5 practice (e.g. ISO 31000-style registers):
 * 1–4 low, 5–9 medium, 10–16 high, 20–25 critical (17–19 cannot occur). Pure: no I/O.
 */

export const SCALE = [1, 2, 3, 4, 5] as const;
export type ScaleValue = (typeof SCALE)[number];

export const RISK_LEVELS = ['low', 'medium', 'high', 'critical'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** Lowest score of each band, highest band first. */
const BANDS: readonly [number, RiskLevel][] = [
  [17, 'critical'],
  [10, 'high'],
  [5, 'medium'],
  [1, 'low'],
];

export function riskScore(likelihood: number, impact: number): number {
  if (!isScaleValue(likelihood) || !isScaleValue(impact))
    throw new RangeError(
      `likelihood and impact are whole numbers from 1 to 5 (got ${likelihood}, ${impact})`,
    );
  return likelihood * impact;
}

export function levelOfScore(score: number): RiskLevel {
  const band = BANDS.find(([floor]) => score >= floor);
  if (!band || score > 25) throw new RangeError(`a score is from 1 to 25 (got ${score})`);
  return band[1];
}

export function riskLevel(likelihood: number, impact: number): RiskLevel {
  return levelOfScore(riskScore(likelihood, impact));
}

/** The level a risk stands at now: its residual rating once assessed, else its inherent one. */
export function currentLevel(rating: {
  inherent_likelihood: number;
  inherent_impact: number;
  residual_likelihood: number | null;
  residual_impact: number | null;
}): RiskLevel {
  return rating.residual_likelihood !== null && rating.residual_impact !== null
    ? riskLevel(rating.residual_likelihood, rating.residual_impact)
    : riskLevel(rating.inherent_likelihood, rating.inherent_impact);
}

export function isScaleValue(value: number): value is ScaleValue {
  return Number.isInteger(value) && value >= 1 && value <= 5;
}

/** A 5×5 grid of counts: grid[likelihood - 1][impact - 1]. */
export type HeatMap = number[][];

export function emptyHeatMap(): HeatMap {
  return SCALE.map(() => SCALE.map(() => 0));
}

/** Count each rating into its cell; ratings without both values are left out. */
export function heatMap(ratings: readonly { likelihood: number | null; impact: number | null }[]): HeatMap {
  const grid = emptyHeatMap();
  for (const { likelihood, impact } of ratings) {
    if (likelihood === null || impact === null) continue;
    const row = grid[likelihood - 1];
    if (row && impact >= 1 && impact <= 5) row[impact - 1] = (row[impact - 1] ?? 0) + 1;
  }
  return grid;
}

/** The words of the scale, by language (index 0 is the value 1); the web and exports show them. */
export const SCALE_WORDS = {
  likelihood: {
    en: ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'],
    fr: ['Rare', 'Peu probable', 'Possible', 'Probable', 'Quasi certain'],
    es: ['Raro', 'Improbable', 'Posible', 'Probable', 'Casi seguro'],
  },
  impact: {
    en: ['Negligible', 'Minor', 'Moderate', 'Major', 'Severe'],
    fr: ['Négligeable', 'Mineur', 'Modéré', 'Majeur', 'Grave'],
    es: ['Insignificante', 'Menor', 'Moderado', 'Mayor', 'Grave'],
  },
} as const;

export type ScaleLanguage = keyof typeof SCALE_WORDS.likelihood;

/** "3 Possible": a value with its word, for text output. */
export function scaleLabel(axis: keyof typeof SCALE_WORDS, value: number, language: ScaleLanguage = 'en') {
  return `${value} ${SCALE_WORDS[axis][language][value - 1] ?? ''}`.trim();
}
