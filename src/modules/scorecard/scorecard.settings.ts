import { z } from 'zod';
import { errors, type FieldIssue } from '../../core/errors.js';
import { issueText, type LocalisedText } from './condition.schema.js';
import { localised } from './rule-engine.js';
import { ruleDefinitionSchema, ruleReasons, type RuleDefinition } from './rule.schema.js';
import { scorecardConfigSchema, type ScorecardConfig } from './scorecard.schema.js';

/*
 * The scorecard's stored settings: the configuration (weights, bands, due days) and the admins' own
 * controls, checked together against the shipped defaults. Pure: the service reads and writes them.
 */

export interface ScorecardSettings {
  config: ScorecardConfig;
  custom_controls: RuleDefinition[];
}

/** Room left beside the defaults, so scoring 100,000 assets stays fast. */
const MAX_CUSTOM_CONTROLS = 50;

function settingsSchema(defaults: readonly RuleDefinition[]) {
  const builtin = new Set(defaults.map((rule) => rule.id));
  return z
    .strictObject({
      config: scorecardConfigSchema.prefault({}),
      custom_controls: z.array(ruleDefinitionSchema).max(MAX_CUSTOM_CONTROLS).default([]),
    })
    .superRefine((settings, ctx) => {
      const ids = new Set(builtin);
      const codes = new Set<string>();
      settings.custom_controls.forEach((rule, index) => {
        if (ids.has(rule.id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['custom_controls', index, 'id'],
            message: builtin.has(rule.id)
              ? `${rule.id} is a built-in control; choose another id`
              : `control ${rule.id} is defined twice`,
          });
        }
        ids.add(rule.id);
        for (const [path, reason] of ruleReasons(rule)) {
          if (codes.has(reason.code))
            ctx.addIssue({
              code: 'custom',
              path: ['custom_controls', index, ...path, 'code'],
              message: `reason code ${reason.code} is used twice; give each reason its own code`,
            });
          codes.add(reason.code);
        }
      });
      for (const id of Object.keys(settings.config.controls)) {
        if (!ids.has(id))
          ctx.addIssue({
            code: 'custom',
            path: ['config', 'controls', id],
            message: `there is no control "${id}"`,
          });
      }
      if ([...ids].every((id) => settings.config.controls[id]?.enabled === false))
        ctx.addIssue({
          code: 'custom',
          path: ['config', 'controls'],
          message: 'enable at least one control',
        });
    });
}

/** Check settings (from a request, a file or the database); every problem names its field. */
export function parseScorecardSettings(
  input: unknown,
  defaults: readonly RuleDefinition[],
): ScorecardSettings {
  const result = settingsSchema(defaults).safeParse(input);
  if (result.success) return result.data;
  const issues: FieldIssue[] = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issueText(issue),
  }));
  const first = issues[0]!;
  throw errors.validation(`Scorecard settings: ${first.path}: ${first.message}`, issues);
}

export const LANGUAGES = ['en', 'fr', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A text in every language, French and Spanish falling back to English. */
export function allLanguages(textValue: LocalisedText): Record<Language, string> {
  return { en: textValue.en, fr: localised(textValue, 'fr'), es: localised(textValue, 'es') };
}
