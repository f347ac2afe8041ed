import type { FieldIssue } from '../../core/errors.js';
import { confidenceRank, type ColumnDetections, type Detection } from './classification.schema.js';
import { categoryOf, labelRank, signalCategory } from './label-policy.js';
import type { DataCategory, LabelPolicy, LabelRule } from './label-policy.schema.js';

export interface LabelProposal {
  /** A label of the policy's taxonomy; a person confirms or overrides it. */
  proposed: string;
  /** The policy rule that gave it, in words. */
  rule: string;
  /** One line per detection: "column `telefono`: phone, high, 998/1000 sampled". */
  reasons: string[];
}

interface Finding {
  column: string;
  detection: Detection;
  categories: DataCategory[];
  counted: boolean;
}

function describe(finding: Finding): string {
  const { column, detection } = finding;
  const signals = detection.signals?.length ? ` (${detection.signals.join(', ')})` : '';
  return `column \`${column}\`: ${detection.type}${signals}, ${detection.confidence}, ${detection.matched}/${detection.sampled} sampled`;
}

function ruleHolds(rule: LabelRule, present: ReadonlySet<DataCategory>): boolean {
  const { any_of, all_of, none } = rule.when;
  if (none) return present.size === 0;
  return (!any_of || any_of.some((c) => present.has(c))) && (!all_of || all_of.every((c) => present.has(c)));
}

/**
 * Propose a label for a dataset from its column detections: detections at or above the policy's
 * minimum confidence decide; the first rule that holds gives the label. Reasons list the
 * detections that made the rule hold first, then the other counted ones, then those below the
 * minimum confidence (shown, not counted). When no rule holds the highest label is proposed, to be safe.
 */
export function proposeLabel(columns: readonly ColumnDetections[], policy: LabelPolicy): LabelProposal {
  const threshold = confidenceRank(policy.min_confidence);
  const findings: Finding[] = columns.flatMap((column) =>
    column.detections.map((detection) => {
      const categories = [
        categoryOf(policy, detection.type),
        ...(detection.signals ?? []).map((s) => signalCategory(policy, s)),
      ].filter((c): c is DataCategory => c !== null);
      return {
        column: column.name,
        detection,
        categories,
        counted: confidenceRank(detection.confidence) >= threshold,
      };
    }),
  );
  const present = new Set(findings.filter((f) => f.counted).flatMap((f) => f.categories));
  const rule = policy.rules.find((r) => ruleHolds(r, present));
  const label = rule?.label ?? policy.taxonomy[policy.taxonomy.length - 1]!.name;
  const decisive = new Set([...(rule?.when.any_of ?? []), ...(rule?.when.all_of ?? [])]);
  const isDecisive = (f: Finding) => f.counted && f.categories.some((c) => decisive.has(c));
  const reasons = [
    ...findings.filter(isDecisive).map(describe),
    ...findings.filter((f) => f.counted && !isDecisive(f)).map(describe),
    ...findings
      .filter((f) => !f.counted)
      .map((f) => `${describe(f)} (below ${policy.min_confidence}, not counted)`),
  ];
  if (rule?.when.none)
    reasons.unshift(
      `no detection at ${policy.min_confidence} confidence or above in ${columns.length} column(s)`,
    );
  return {
    proposed: label,
    rule: rule
      ? `${rule.reason} → ${label}`
      : `no rule of the policy applies → ${label} (the highest label, to be safe)`,
    reasons,
  };
}

export interface LabelDecision {
  /** What Custos proposed. */
  proposed: string;
  /** What the person chooses. */
  chosen: string;
  /** The label the data carries today, if any: lowering it also needs a reason. */
  current?: string | null;
  justification?: string | null;
}

export type LabelConfirmation =
  | { ok: true; label: string; change: 'as_proposed' | 'raised' | 'lowered'; justification: string | null }
  | { ok: false; issues: FieldIssue[] };

/**
 * The rules of confirming a label, as Microsoft Purview applies them: choosing the proposed label
 * needs nothing more; overriding it needs a justification, and so does choosing a label below the
 * proposed one or below the label the data already carries.
 */
export function confirmLabel(decision: LabelDecision, policy: LabelPolicy): LabelConfirmation {
  const names = policy.taxonomy.map((l) => l.name).join(', ');
  const issues: FieldIssue[] = [];
  const chosenRank = labelRank(policy, decision.chosen);
  const proposedRank = labelRank(policy, decision.proposed);
  const currentRank = decision.current ? labelRank(policy, decision.current) : -1;
  if (chosenRank < 0)
    issues.push({ path: 'label', message: `unknown label "${decision.chosen}"; one of: ${names}` });
  if (proposedRank < 0)
    issues.push({ path: 'proposed', message: `unknown label "${decision.proposed}"; one of: ${names}` });
  if (decision.current && currentRank < 0)
    issues.push({ path: 'current', message: `unknown label "${decision.current}"; one of: ${names}` });
  if (issues.length > 0) return { ok: false, issues };

  const justification = decision.justification?.trim() || null;
  const lowersProposal = chosenRank < proposedRank;
  const lowersCurrent = currentRank >= 0 && chosenRank < currentRank;
  const overrides = chosenRank !== proposedRank;
  const min = policy.justification_min_chars;
  if ((overrides || lowersCurrent) && (!justification || justification.length < min)) {
    const why = lowersProposal
      ? `lowering the label below the proposed ${decision.proposed}`
      : lowersCurrent
        ? `lowering the label below the current ${decision.current}`
        : `overriding the proposed ${decision.proposed}`;
    issues.push({
      path: 'justification',
      message: `${why} needs a justification of at least ${min} characters`,
    });
    return { ok: false, issues };
  }
  return {
    ok: true,
    label: decision.chosen,
    change: lowersProposal ? 'lowered' : overrides ? 'raised' : 'as_proposed',
    justification,
  };
}
