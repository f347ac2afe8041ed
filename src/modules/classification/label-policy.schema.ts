import { z } from 'zod';
import { CONFIDENCES, DETECTION_SIGNALS, DETECTOR_IDS } from './classification.schema.js';

/** What a detector's finding is, for the label rules (GDPR Art. 9, IOM/UN data protection principles). */
export const DATA_CATEGORIES = [
  'direct_identifier',
  'quasi_identifier',
  'special_category',
  'protection',
  'secret',
] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

export const PRINCIPAL_TYPES = ['user', 'group', 'guest', 'external', 'everyone', 'anonymous_link'] as const;
export type PrincipalType = (typeof PRINCIPAL_TYPES)[number];

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

const labelSchema = z.strictObject({
  name: z.string().trim().min(1),
  description: z.string().trim().min(1),
  equivalents: z.strictObject({
    un_st_sgb_2007_6: z.string().trim().min(1),
    ocha: z.string().trim().min(1),
    purview: z.string().trim().min(1),
  }),
});

const conditionSchema = z
  .strictObject({
    any_of: z.array(z.enum(DATA_CATEGORIES)).min(1).optional(),
    all_of: z.array(z.enum(DATA_CATEGORIES)).min(1).optional(),
    none: z.literal(true).optional(),
  })
  .refine((c) => c.any_of || c.all_of || c.none, { error: 'give any_of, all_of or none: true' })
  .refine((c) => !(c.none && (c.any_of || c.all_of)), {
    error: 'none: true cannot be combined with any_of or all_of',
  });

const ruleSchema = z.strictObject({
  label: z.string().trim().min(1),
  when: conditionSchema,
  reason: z.string().trim().min(1),
});

const accessRuleSchema = z.strictObject({
  forbid: z
    .array(z.strictObject({ principal_type: z.enum(PRINCIPAL_TYPES), severity: z.enum(SEVERITIES) }))
    .default([]),
  max_principals: z.strictObject({ limit: z.number().int().min(1), severity: z.enum(SEVERITIES) }).optional(),
});

export const labelPolicySchema = z
  .strictObject({
    version: z.literal(1),
    taxonomy: z.array(labelSchema).min(2),
    /** Every detector in exactly one category (checked below). */
    categories: z.partialRecord(z.enum(DATA_CATEGORIES), z.array(z.enum(DETECTOR_IDS))),
    signals: z.partialRecord(z.enum(DETECTION_SIGNALS), z.enum(DATA_CATEGORIES)).default({}),
    min_confidence: z.enum(CONFIDENCES).default('medium'),
    rules: z.array(ruleSchema).min(1),
    justification_min_chars: z.number().int().min(1).max(1000).default(10),
    access: z.record(z.string(), accessRuleSchema).default({}),
  })
  .superRefine((policy, ctx) => {
    const names = policy.taxonomy.map((label) => label.name);
    names.forEach((name, i) => {
      if (names.indexOf(name) !== i)
        ctx.addIssue({
          code: 'custom',
          path: ['taxonomy', i, 'name'],
          message: `label "${name}" is listed twice`,
        });
    });
    const known = `one of: ${names.join(', ')}`;
    policy.rules.forEach((rule, i) => {
      if (!names.includes(rule.label))
        ctx.addIssue({
          code: 'custom',
          path: ['rules', i, 'label'],
          message: `unknown label "${rule.label}"; ${known}`,
        });
    });
    for (const label of Object.keys(policy.access)) {
      if (!names.includes(label))
        ctx.addIssue({
          code: 'custom',
          path: ['access', label],
          message: `unknown label "${label}"; ${known}`,
        });
    }
    const seen = new Map<string, string>();
    for (const [category, detectors] of Object.entries(policy.categories)) {
      for (const detector of detectors ?? []) {
        const other = seen.get(detector);
        if (other)
          ctx.addIssue({
            code: 'custom',
            path: ['categories', category],
            message: `detector ${detector} is already in category ${other}`,
          });
        seen.set(detector, category);
      }
    }
    const missing = DETECTOR_IDS.filter((id) => !seen.has(id));
    if (missing.length > 0)
      ctx.addIssue({
        code: 'custom',
        path: ['categories'],
        message: `every detector needs a category; missing: ${missing.join(', ')}`,
      });
  });

export type LabelPolicy = z.infer<typeof labelPolicySchema>;
export type AccessRule = z.infer<typeof accessRuleSchema>;
export type LabelRule = z.infer<typeof ruleSchema>;
