import YAML from 'yaml';
import { z } from 'zod';
import { errors, type FieldIssue } from '../../core/errors.js';
import {
  conditionReasons,
  conditionSchema,
  GENERIC_REASON_PREFIX,
  issueText,
  localisedTextSchema,
  RULE_LIMITS,
  walkConditions,
  type Condition,
  type ReasonDefinition,
} from './condition.schema.js';

/*
 * Health controls as data: declarative rules over asset fields, validated here once. The six default
 * controls (data/scorecard/default-controls.yaml) and the controls admins add are the same kind of rule.
 */

const CONTROL_ID = /^[a-z][a-z0-9_]{1,63}$/;

export const controlIdSchema = z
  .string()
  .regex(CONTROL_ID, 'use 2–64 lower-case letters, digits or _, starting with a letter')
  .refine((id) => id !== GENERIC_REASON_PREFIX, `"${GENERIC_REASON_PREFIX}" is reserved`);

export const SEVERITIES = ['high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const ruleDefinitionSchema = z
  .strictObject({
    id: controlIdSchema,
    name: localisedTextSchema(200),
    description: localisedTextSchema(2000).optional(),
    /** Decides the default due date of the actions this control raises. */
    severity: z.enum(SEVERITIES).default('medium'),
    /** When absent the control applies to every asset. */
    applies_when: conditionSchema.optional(),
    passes_when: conditionSchema,
  })
  .superRefine((rule, ctx) => {
    const roots: [string, Condition | undefined][] = [
      ['applies_when', rule.applies_when],
      ['passes_when', rule.passes_when],
    ];
    let nodes = 0;
    for (const [key, root] of roots) {
      if (!root) continue;
      walkConditions(root, [key], (node, path, depth) => {
        nodes += 1;
        if (depth > RULE_LIMITS.depth) {
          ctx.addIssue({ code: 'custom', path, message: `nested deeper than ${RULE_LIMITS.depth} levels` });
          return false;
        }
        for (const [reasonPath, reason] of conditionReasons(node, path)) {
          if (!reason.code.startsWith(`${rule.id}.`)) {
            ctx.addIssue({
              code: 'custom',
              path: [...reasonPath, 'code'],
              message: `reason codes of control ${rule.id} start with "${rule.id}."`,
            });
          }
        }
        return true;
      });
    }
    if (nodes > RULE_LIMITS.nodes) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: `a rule may have at most ${RULE_LIMITS.nodes} conditions`,
      });
    }
  });
export type RuleDefinition = z.output<typeof ruleDefinitionSchema>;
export type RuleDefinitionInput = z.input<typeof ruleDefinitionSchema>;

/** A file of controls (the shipped defaults, or an admin's export). Ids and reason codes are unique. */
export const ruleSetSchema = z
  .strictObject({ controls: z.array(ruleDefinitionSchema).min(1).max(100) })
  .superRefine((set, ctx) => {
    const ids = new Set<string>();
    const codes = new Set<string>();
    set.controls.forEach((rule, index) => {
      if (ids.has(rule.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['controls', index, 'id'],
          message: `control ${rule.id} is defined twice`,
        });
      }
      ids.add(rule.id);
      for (const [path, reason] of ruleReasons(rule)) {
        if (codes.has(reason.code)) {
          ctx.addIssue({
            code: 'custom',
            path: ['controls', index, ...path, 'code'],
            message: `reason code ${reason.code} is used twice; give each reason its own code`,
          });
        }
        codes.add(reason.code);
      }
    });
  });

export function parseRuleDefinition(input: unknown): RuleDefinition {
  const result = ruleDefinitionSchema.safeParse(input);
  if (!result.success) throwRuleIssues('The control definition is not valid', result.error);
  return result.data;
}

export function parseRuleSet(input: unknown): RuleDefinition[] {
  const result = ruleSetSchema.safeParse(input);
  if (!result.success) throwRuleIssues('The controls file is not valid', result.error);
  return result.data.controls;
}

/** Parse a YAML controls file; `source` names it in error messages. */
export function parseRuleSetYaml(yamlText: string, source: string): RuleDefinition[] {
  let document: unknown;
  try {
    document = YAML.parse(yamlText);
  } catch (error) {
    throw errors.validation(`${source} is not valid YAML: ${(error as Error).message}`, [
      { path: '(root)', message: (error as Error).message },
    ]);
  }
  try {
    return parseRuleSet(document);
  } catch (error) {
    if (error instanceof Error) error.message = `${source}: ${error.message}`;
    throw error;
  }
}

/** Every reason a rule defines, with its path inside the rule. */
export function ruleReasons(rule: RuleDefinition): [(string | number)[], ReasonDefinition][] {
  const found: [(string | number)[], ReasonDefinition][] = [];
  const roots: [string, Condition | undefined][] = [
    ['applies_when', rule.applies_when],
    ['passes_when', rule.passes_when],
  ];
  for (const [key, root] of roots) {
    if (!root) continue;
    walkConditions(root, [key], (node, path) => {
      found.push(...conditionReasons(node, path));
      return true;
    });
  }
  return found;
}

function throwRuleIssues(message: string, error: z.ZodError): never {
  const issues: FieldIssue[] = error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issueText(issue),
  }));
  const first = issues[0];
  throw errors.validation(first ? `${message}: ${first.path}: ${first.message}` : message, issues);
}
