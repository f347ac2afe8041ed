import type { Reason } from './rule-engine.js';
import type { Severity } from './rule.schema.js';
import type { ScoredAsset } from './scored-asset.js';
import { bandFor, score } from './score.js';
import type { ControlCounts, Scorecard, ScorecardDimension, ScorecardGroup } from './scorecard.schema.js';
import { planScoring, type ScoringOptions, type ScoringPlan } from './scoring-plan.js';

export interface ScorecardOptions extends ScoringOptions {
  by: ScorecardDimension;
  /** The name shown for the whole organisation. */
  organisationName?: string;
}

/** The key of the single group when scoring by organisation. */
export const ORGANISATION_KEY = 'organisation';

/**
 * The Data Health Scorecard of a set of assets, grouped by office, region, department or the whole
 * organisation. One pass over the assets: each control runs once per asset and its outcome is counted
 * in the asset's group; the overall figures are the sum of the groups (every asset is in exactly one).
 * Assets without an office (region, department) form a group whose key and name are null, listed last.
 */
export function computeScorecard(assets: Iterable<ScoredAsset>, options: ScorecardOptions): Scorecard {
  const plan = planScoring(options);
  const width = plan.controls.length;
  const statuses = plan.controls.map((control) => control.compiled.status);
  const organisationName = options.organisationName ?? 'Organisation';
  const grouping = groupBy(options.by);
  const groups = new Map<string | null, Tally>();
  const single = options.by === 'organisation' ? new Tally(ORGANISATION_KEY, organisationName, width) : null;
  if (single) groups.set(ORGANISATION_KEY, single);

  for (const asset of assets) {
    let tally = single;
    if (!tally) {
      const key = grouping.key(asset);
      tally = groups.get(key) ?? null;
      if (!tally) {
        tally = new Tally(key, grouping.name(asset), width);
        groups.set(key, tally);
      } else if (tally.name === null) {
        tally.name = grouping.name(asset);
      }
    }
    tally.assets += 1;
    for (let c = 0; c < width; c += 1) {
      const status = statuses[c]!(asset);
      if (status === 'NOT_APPLICABLE') continue;
      tally.applicable[c]! += 1;
      if (status === 'PASS') tally.passed[c]! += 1;
    }
  }

  const overall = new Tally(null, organisationName, width);
  for (const tally of groups.values()) overall.add(tally);
  const ordered = [...groups.values()].sort(byKey);
  const { key: _key, ...overallScope } = present(overall, plan);
  return {
    as_of: plan.asOf,
    by: options.by,
    groups: ordered.map((tally) => present(tally, plan)),
    overall: overallScope,
  };
}

/** Every failing control of every asset, with its reasons: the input of actions. Assets with no failure are left out. */
export function findFailures(assets: Iterable<ScoredAsset>, options: ScoringOptions): AssetFailures[] {
  return findFailuresWith(assets, planScoring(options));
}

export interface ControlFailure {
  control: string;
  severity: Severity;
  /** At least one. */
  reasons: Reason[];
}

export interface AssetFailures {
  asset: ScoredAsset;
  failures: ControlFailure[];
}

export function findFailuresWith(assets: Iterable<ScoredAsset>, plan: ScoringPlan): AssetFailures[] {
  const found: AssetFailures[] = [];
  for (const asset of assets) {
    let failures: ControlFailure[] | null = null;
    for (const control of plan.controls) {
      if (control.compiled.status(asset) !== 'FAIL') continue;
      failures ??= [];
      failures.push({
        control: control.id,
        severity: control.severity,
        reasons: control.compiled.evaluate(asset).reasons,
      });
    }
    if (failures) found.push({ asset, failures });
  }
  return found;
}

class Tally {
  assets = 0;
  readonly passed: Int32Array;
  readonly applicable: Int32Array;

  constructor(
    readonly key: string | null,
    public name: string | null,
    width: number,
  ) {
    this.passed = new Int32Array(width);
    this.applicable = new Int32Array(width);
  }

  add(other: Tally): void {
    this.assets += other.assets;
    for (let c = 0; c < this.passed.length; c += 1) {
      this.passed[c]! += other.passed[c]!;
      this.applicable[c]! += other.applicable[c]!;
    }
  }
}

function present(tally: Tally, plan: ScoringPlan): ScorecardGroup {
  const controls: Record<string, ControlCounts> = {};
  const tallies = plan.controls.map((control, c) => {
    controls[control.id] = { passed: tally.passed[c]!, applicable: tally.applicable[c]! };
    return { weight: control.weight, passed: tally.passed[c]!, applicable: tally.applicable[c]! };
  });
  const rounded = score(tallies);
  return {
    key: tally.key,
    name: tally.name,
    assets: tally.assets,
    score: rounded,
    band: bandFor(rounded, plan.bands),
    controls,
  };
}

interface Grouping {
  key(asset: ScoredAsset): string | null;
  name(asset: ScoredAsset): string | null;
}

function groupBy(by: ScorecardDimension): Grouping {
  switch (by) {
    case 'office':
      return { key: (asset) => asset.office_key, name: (asset) => asset.office_name };
    case 'region':
      return { key: (asset) => asset.region_key, name: (asset) => asset.region_name };
    case 'department':
      return { key: (asset) => asset.department_key, name: (asset) => asset.department_name };
    case 'organisation':
      return { key: () => ORGANISATION_KEY, name: () => null };
  }
}

/** By key (plain code-unit order, the same on every machine), unassigned last. */
function byKey(a: Tally, b: Tally): number {
  if (a.key === b.key) return 0;
  if (a.key === null) return 1;
  if (b.key === null) return -1;
  return a.key < b.key ? -1 : 1;
}
