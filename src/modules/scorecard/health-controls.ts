import { errors } from '../../core/errors.js';
import { dayNumber } from './calendar-date.js';
import { compileCondition, interpolate, localised, type Reason } from './rule-engine.js';
import type { LocalisedText } from './condition.schema.js';
import { ruleReasons, type RuleDefinition, type Severity } from './rule.schema.js';
import type { ScoredAsset } from './scored-asset.js';

/*
 * Health controls: each rule definition decides, per asset, PASS, FAIL or NOT_APPLICABLE, with the
 * reasons behind a FAIL or a NOT_APPLICABLE. The six defaults of issue 3 are rule definitions too
 * (data/scorecard/default-controls.yaml), so a default and an admin's control behave alike.
 */

export const DEFAULT_CONTROL_IDS = [
  'ownership',
  'documentation',
  'classification',
  'personal_data_safeguards',
  'review_freshness',
  'access_review',
] as const;

export const CONTROL_STATUSES = ['PASS', 'FAIL', 'NOT_APPLICABLE'] as const;
export type ControlStatus = (typeof CONTROL_STATUSES)[number];

export interface ControlResult {
  control: string;
  status: ControlStatus;
  /** Why it failed or does not apply; empty on PASS. */
  reasons: Reason[];
}

export interface CompiledControl {
  id: string;
  severity: Severity;
  /** The status alone, without building reasons: what scoring calls 100,000 times. */
  status(asset: ScoredAsset): ControlStatus;
  evaluate(asset: ScoredAsset): ControlResult;
}

/** Compile one control for a scoring date (`YYYY-MM-DD`). */
export function compileControl(rule: RuleDefinition, asOf: string): CompiledControl {
  const asOfDay = requireAsOf(asOf);
  const applies = rule.applies_when ? compileCondition(rule.applies_when, asOfDay) : null;
  const passes = compileCondition(rule.passes_when, asOfDay);
  const status = (asset: ScoredAsset): ControlStatus =>
    applies && !applies.test(asset) ? 'NOT_APPLICABLE' : passes.test(asset) ? 'PASS' : 'FAIL';
  return {
    id: rule.id,
    severity: rule.severity,
    status,
    evaluate: (asset) => {
      const result = status(asset);
      const reasons =
        result === 'NOT_APPLICABLE'
          ? applies!.explain(asset, true)
          : result === 'FAIL'
            ? passes.explain(asset, true)
            : [];
      return { control: rule.id, status: result, reasons };
    },
  };
}

export function compileControls(rules: readonly RuleDefinition[], asOf: string): CompiledControl[] {
  return rules.map((rule) => compileControl(rule, asOf));
}

/** Every control's result for one asset, in the controls' order: the asset page's health panel. */
export function evaluateAsset(asset: ScoredAsset, controls: readonly CompiledControl[]): ControlResult[] {
  return controls.map((control) => control.evaluate(asset));
}

/** A defined reason's message in a language (falling back to English), for the web and the CLI. */
export function reasonMessages(rules: readonly RuleDefinition[]): Map<string, LocalisedText> {
  const messages = new Map<string, LocalisedText>();
  for (const rule of rules)
    for (const [, reason] of ruleReasons(rule)) messages.set(reason.code, reason.message);
  return messages;
}

export function reasonMessage(
  messages: ReadonlyMap<string, LocalisedText>,
  reason: Reason,
  language: 'en' | 'fr' | 'es',
): string {
  const defined = messages.get(reason.code);
  return defined ? interpolate(localised(defined, language), reason.params) : reason.message;
}

/** The day number of a scoring date, refusing anything but a real `YYYY-MM-DD` date. */
export function requireAsOf(asOf: string): number {
  const day = dayNumber(asOf);
  if (day === null) {
    throw errors.validation(`as_of: ${String(asOf)} is not a calendar date (YYYY-MM-DD)`, [
      { path: 'as_of', message: 'use a calendar date YYYY-MM-DD' },
    ]);
  }
  return day;
}
