import { z } from 'zod';
import { ruleFieldKind, type FieldKind } from './scored-asset.js';

/*
 * Conditions over asset fields: the building blocks of health controls (see rule.schema.ts).
 */

export const CONDITION_OPERATORS = [
  'field_set',
  'field_in',
  'date_within_days',
  'min_length',
  'all',
  'any',
  'not',
] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

/** Why a test on one field failed; a leaf may name its own reason for each. */
export const LEAF_OUTCOMES = {
  field_set: ['missing'],
  field_in: ['missing', 'not_in_list'],
  date_within_days: ['missing', 'invalid', 'future', 'too_old'],
  min_length: ['missing', 'too_short'],
} as const;
type LeafOperator = keyof typeof LEAF_OUTCOMES;
export type LeafOutcome = (typeof LEAF_OUTCOMES)[LeafOperator][number];

/** Limits that keep an admin's rule cheap to evaluate over 100,000 assets. */
export const RULE_LIMITS = { depth: 8, nodes: 100, children: 50, values: 200 } as const;

/** `<control id>.<slug>`; the `rule.` prefix is kept for the engine's generic reasons. */
const REASON_CODE = /^[a-z][a-z0-9_]{1,63}\.[a-z][a-z0-9_]{0,63}$/;
export const GENERIC_REASON_PREFIX = 'rule';

const text = (max: number) => z.string().trim().min(1).max(max);
/** English is required; French and Spanish fall back to English when missing. */
export const localisedTextSchema = (max: number) =>
  z.strictObject({ en: text(max), fr: text(max).optional(), es: text(max).optional() });
export type LocalisedText = z.infer<ReturnType<typeof localisedTextSchema>>;

export const reasonDefinitionSchema = z.strictObject({
  code: z.string().regex(REASON_CODE, 'use <control id>.<reason>, e.g. ownership.missing_owner'),
  /** May use {field}, {days}, {age_days}, {days_ahead}, {length} and {values}. */
  message: localisedTextSchema(500),
});
export type ReasonDefinition = z.infer<typeof reasonDefinitionSchema>;

interface Annotated {
  /** Shown when this condition should hold and does not. */
  reason?: ReasonDefinition;
}
export type LeafReasons<Op extends LeafOperator> = Partial<
  Record<(typeof LEAF_OUTCOMES)[Op][number], ReasonDefinition>
>;
export type FieldValue = string | number | boolean;

export interface FieldSetCondition extends Annotated {
  field_set: string;
  reasons?: LeafReasons<'field_set'>;
}
export interface FieldInCondition extends Annotated {
  field_in: { field: string; values: FieldValue[] };
  reasons?: LeafReasons<'field_in'>;
}
export interface DateWithinCondition extends Annotated {
  date_within_days: { field: string; days: number };
  reasons?: LeafReasons<'date_within_days'>;
}
export interface MinLengthCondition extends Annotated {
  min_length: { field: string; length: number };
  reasons?: LeafReasons<'min_length'>;
}
export interface AllCondition extends Annotated {
  all: Condition[];
}
export interface AnyCondition extends Annotated {
  any: Condition[];
}
export interface NotCondition extends Annotated {
  not: Condition;
}
export type Condition =
  | FieldSetCondition
  | FieldInCondition
  | DateWithinCondition
  | MinLengthCondition
  | AllCondition
  | AnyCondition
  | NotCondition;

const KIND_ADVICE: Record<LeafOperator, string> = {
  field_set: 'any field',
  field_in: 'a text or yes/no field',
  date_within_days: 'a date field',
  min_length: 'a text field',
};
const KINDS_ALLOWED: Record<LeafOperator, readonly FieldKind[]> = {
  field_set: ['text', 'boolean', 'date'],
  field_in: ['text', 'boolean'],
  date_within_days: ['date'],
  min_length: ['text'],
};

function fieldFor(operator: LeafOperator) {
  return z.string().superRefine((field, ctx) => {
    const kind = ruleFieldKind(field);
    if (kind === null) {
      ctx.addIssue({
        code: 'custom',
        message: `unknown field "${field}"; use an asset field such as purpose or data_owner_id, or fields.<name>`,
      });
    } else if (kind !== 'any' && !KINDS_ALLOWED[operator].includes(kind)) {
      ctx.addIssue({
        code: 'custom',
        message: `${operator} needs ${KIND_ADVICE[operator]}; ${field} is not`,
      });
    }
  });
}

function leafReasons<Op extends LeafOperator>(operator: Op) {
  const shape = Object.fromEntries(
    LEAF_OUTCOMES[operator].map((outcome) => [outcome, reasonDefinitionSchema.optional()]),
  );
  return z.strictObject(shape).optional();
}

const fieldValueSchema = z.union([z.string().trim().min(1).max(200), z.number(), z.boolean()]);

const fieldInSchema = z
  .strictObject({
    field: fieldFor('field_in'),
    values: z.array(fieldValueSchema).min(1).max(RULE_LIMITS.values),
  })
  .superRefine((value, ctx) => {
    const kind = ruleFieldKind(value.field);
    const wanted = kind === 'boolean' ? 'boolean' : kind === 'text' ? 'string' : null;
    if (wanted === null) return;
    value.values.forEach((item, index) => {
      if (typeof item !== wanted) {
        ctx.addIssue({
          code: 'custom',
          path: ['values', index],
          message: wanted === 'boolean' ? `${value.field} is yes/no: use true or false` : 'use text',
        });
      }
    });
  });

const children = () => z.array(conditionSchema).min(1).max(RULE_LIMITS.children);

const OPERATOR_SCHEMAS: Record<ConditionOperator, z.ZodType> = {
  field_set: z.strictObject({
    field_set: fieldFor('field_set'),
    reason: reasonDefinitionSchema.optional(),
    reasons: leafReasons('field_set'),
  }),
  field_in: z.strictObject({
    field_in: fieldInSchema,
    reason: reasonDefinitionSchema.optional(),
    reasons: leafReasons('field_in'),
  }),
  date_within_days: z.strictObject({
    date_within_days: z.strictObject({
      field: fieldFor('date_within_days'),
      days: z.number().int().min(0).max(36_500),
    }),
    reason: reasonDefinitionSchema.optional(),
    reasons: leafReasons('date_within_days'),
  }),
  min_length: z.strictObject({
    min_length: z.strictObject({
      field: fieldFor('min_length'),
      length: z.number().int().min(1).max(10_000),
    }),
    reason: reasonDefinitionSchema.optional(),
    reasons: leafReasons('min_length'),
  }),
  all: z.strictObject({ all: z.lazy(children), reason: reasonDefinitionSchema.optional() }),
  any: z.strictObject({ any: z.lazy(children), reason: reasonDefinitionSchema.optional() }),
  not: z.strictObject({ not: z.lazy(() => conditionSchema), reason: reasonDefinitionSchema.optional() }),
};

/**
 * One condition: exactly one operator key, plus an optional `reason` (or per-outcome `reasons` on a
 * field test). Dispatching on the operator key, rather than trying a union, keeps each problem's path
 * exact (`passes_when.all.1.field_in.values.0`) instead of "no option matched".
 */
export const conditionSchema: z.ZodType<Condition, unknown> = z.lazy(() =>
  z.unknown().transform((value, ctx): Condition => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      ctx.addIssue({
        code: 'custom',
        message: `expected a condition: one of ${CONDITION_OPERATORS.join(', ')}`,
      });
      return z.NEVER;
    }
    const operators = CONDITION_OPERATORS.filter((operator) => Object.hasOwn(value, operator));
    if (operators.length !== 1) {
      const extra = Object.keys(value).filter((key) => key !== 'reason' && key !== 'reasons');
      ctx.addIssue({
        code: 'custom',
        message:
          operators.length > 1
            ? `use one operator per condition, found ${operators.join(' and ')}; combine them with all or any`
            : `unknown condition${extra.length ? ` "${extra.join('", "')}"` : ''}; use one of ${CONDITION_OPERATORS.join(', ')}`,
      });
      return z.NEVER;
    }
    const operator = operators[0]!;
    if (Object.hasOwn(value, 'reason') && Object.hasOwn(value, 'reasons')) {
      ctx.addIssue({ code: 'custom', path: ['reasons'], message: 'use either reason or reasons, not both' });
      return z.NEVER;
    }
    const result = OPERATOR_SCHEMAS[operator].safeParse(value);
    if (!result.success) {
      for (const issue of result.error.issues) {
        ctx.addIssue({ code: 'custom', path: issue.path.map(pathKey), message: issueText(issue) });
      }
      return z.NEVER;
    }
    return result.data as Condition;
  }),
);

/** Every condition node of a tree, depth-first, with its path; `visit` returns false to skip children. */
export function walkConditions(
  node: Condition,
  path: (string | number)[],
  visit: (node: Condition, path: (string | number)[], depth: number) => boolean,
  depth = 1,
): void {
  if (!visit(node, path, depth)) return;
  if ('all' in node)
    node.all.forEach((child, i) => walkConditions(child, [...path, 'all', i], visit, depth + 1));
  else if ('any' in node)
    node.any.forEach((child, i) => walkConditions(child, [...path, 'any', i], visit, depth + 1));
  else if ('not' in node) walkConditions(node.not, [...path, 'not'], visit, depth + 1);
}

/** The reasons written on one condition node, with their paths. */
export function conditionReasons(
  node: Condition,
  path: (string | number)[],
): [(string | number)[], ReasonDefinition][] {
  const found: [(string | number)[], ReasonDefinition][] = [];
  if (node.reason) found.push([[...path, 'reason'], node.reason]);
  if ('reasons' in node && node.reasons) {
    for (const [outcome, reason] of Object.entries(node.reasons) as [
      string,
      ReasonDefinition | undefined,
    ][]) {
      if (reason) found.push([[...path, 'reasons', outcome], reason]);
    }
  }
  return found;
}

function pathKey(key: PropertyKey): string | number {
  return typeof key === 'number' ? key : String(key);
}

/** A zod issue in words, unknown keys listed by name. */
export function issueText(issue: z.core.$ZodIssue): string {
  return issue.code === 'unrecognized_keys' ? `unknown field(s): ${issue.keys.join(', ')}` : issue.message;
}
