import type { AppAttributes, RiskLevel } from './catalogue.schema.js';

/*
 * The default risk rating of a catalogued AI app, derived from its attributes only, so that an
 * admin who corrects an attribute gets a consistent rating and anyone can recompute it by hand.
 * docs/ai-usage.md states the same rule; catalogue.test.ts checks every shipped rating against it.
 *
 * Points per attribute (unknown counts as a risk: the vendor did not say):
 *   trains on inputs by default    yes 3, unknown 2, no 0
 *   no enterprise no-training tier no 1, unknown 1, yes 0
 *   data location                  cn/ru 3, unknown 2, us/global/other 1, eu/uk/ch 0
 *   account                        optional or not needed 1, required 0
 *   retention                      until deleted 1, unknown 1, fixed period or none 0
 * Rating: 5 or more high, 3–4 medium, 0–2 low.
 */

const TRAINING_POINTS = { yes: 3, unknown: 2, no: 0 } as const;
const TIER_POINTS = { no: 1, unknown: 1, yes: 0 } as const;
const LOCATION_POINTS = {
  cn: 3,
  ru: 3,
  unknown: 2,
  other: 1,
  us: 1,
  global: 1,
  eu: 0,
  uk: 0,
  ch: 0,
} as const;
const ACCOUNT_POINTS = { optional: 1, no: 1, yes: 0 } as const;
const RETENTION_POINTS = { until_deleted: 1, unknown: 1, fixed_period: 0, none: 0 } as const;

export const HIGH_RISK_FROM = 5;
export const MEDIUM_RISK_FROM = 3;

export interface RiskAssessment {
  risk: RiskLevel;
  score: number;
  /** The attributes that added points, in words, for the catalogue page and the report. */
  reasons: string[];
}

export function deriveRisk(attributes: AppAttributes): RiskAssessment {
  const parts: [number, string][] = [
    [
      TRAINING_POINTS[attributes.trains_on_inputs_by_default],
      attributes.trains_on_inputs_by_default === 'yes'
        ? 'trains on user inputs by default'
        : 'does not say whether it trains on user inputs',
    ],
    [
      TIER_POINTS[attributes.enterprise_no_training_tier],
      attributes.enterprise_no_training_tier === 'no'
        ? 'no enterprise tier without training'
        : 'no known enterprise tier without training',
    ],
    [
      LOCATION_POINTS[attributes.data_location],
      attributes.data_location === 'unknown'
        ? 'data location not stated'
        : attributes.data_location === 'other'
          ? 'data processed outside the EU, UK and Switzerland'
          : `data processed in ${attributes.data_location === 'global' ? 'several regions' : attributes.data_location.toUpperCase()}`,
    ],
    [ACCOUNT_POINTS[attributes.account_required], 'usable without an account'],
    [
      RETENTION_POINTS[attributes.retention],
      attributes.retention === 'until_deleted' ? 'content kept until deleted' : 'retention not stated',
    ],
  ];
  const score = parts.reduce((sum, [points]) => sum + points, 0);
  const reasons = parts.filter(([points]) => points > 0).map(([, reason]) => reason);
  const risk: RiskLevel = score >= HIGH_RISK_FROM ? 'high' : score >= MEDIUM_RISK_FROM ? 'medium' : 'low';
  return { risk, score, reasons };
}
