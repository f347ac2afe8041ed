import { errors, type FieldIssue } from '../../core/errors.js';
import { compileControl, requireAsOf, type CompiledControl } from './health-controls.js';
import type { RuleDefinition, Severity } from './rule.schema.js';
import { DEFAULT_SCORECARD_CONFIG, type BandThresholds, type ScorecardConfig } from './scorecard.schema.js';
import { weightHundredths } from './score.js';

/** What every scoring entry point takes: the date to score on, the controls and the settings. */
export interface ScoringOptions {
  /** The scoring date, `YYYY-MM-DD`: "within 365 days" counts back from it. */
  asOf: string;
  /** Validated rule definitions: the defaults, then any custom controls. */
  controls: readonly RuleDefinition[];
  /** Validated settings; the issue's defaults when omitted. */
  config?: ScorecardConfig;
}

export interface PlannedControl {
  id: string;
  severity: Severity;
  /** Weight in hundredths. */
  weight: number;
  compiled: CompiledControl;
}

export interface ScoringPlan {
  asOf: string;
  /** The enabled controls, in definition order. */
  controls: PlannedControl[];
  bands: BandThresholds;
}

/**
 * Check the settings against the controls (a setting for an unknown control is a mistake worth
 * reporting, not ignoring) and compile the enabled controls for the scoring date.
 */
export function planScoring({
  asOf,
  controls,
  config = DEFAULT_SCORECARD_CONFIG,
}: ScoringOptions): ScoringPlan {
  requireAsOf(asOf);
  const known = new Set(controls.map((control) => control.id));
  const issues: FieldIssue[] = Object.keys(config.controls)
    .filter((id) => !known.has(id))
    .map((id) => ({ path: `controls.${id}`, message: `there is no control "${id}"` }));
  if (known.size !== controls.length) {
    issues.push({ path: 'controls', message: 'two controls have the same id' });
  }
  const planned = controls
    .filter((rule) => config.controls[rule.id]?.enabled ?? true)
    .map((rule): PlannedControl => {
      const settings = config.controls[rule.id];
      return {
        id: rule.id,
        severity: rule.severity,
        weight: weightHundredths(settings?.weight ?? 1),
        compiled: compileControl(rule, asOf),
      };
    });
  if (planned.length === 0) issues.push({ path: 'controls', message: 'enable at least one control' });
  const first = issues[0];
  if (first) throw errors.validation(`Scorecard settings: ${first.path}: ${first.message}`, issues);
  return { asOf, controls: planned, bands: config.bands };
}

/** Days an action raised by a control has before it is due: the control's own setting, else its severity's. */
export function dueDaysFor(config: ScorecardConfig, control: string, severity: Severity): number {
  return config.controls[control]?.due_days ?? config.due_days[severity];
}
