import { z } from 'zod';

/* The frameworks library: the shape of the shipped data files, of the API answers and of crosswalk queries. */

/** The fixed themes that tie requirements across frameworks, in the order the crosswalk lists them. */
export const THEME_IDS = [
  'transparency',
  'accountability',
  'fairness_non_discrimination',
  'privacy_data_protection',
  'safety_security',
  'human_oversight',
  'purpose_limitation',
  'data_quality',
  'retention',
  'legal_basis_consent',
  'redress',
  'sustainability',
  'literacy',
] as const;
export type ThemeId = (typeof THEME_IDS)[number];

export const LANGUAGES = ['en', 'fr', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

export const FRAMEWORK_KINDS = ['law', 'standard', 'framework', 'principles', 'guidance'] as const;

/** The longest summary a requirement may carry: two or three sentences, never a copied passage. */
export const MAX_SUMMARY_CHARS = 800;

const text = z.string().trim().min(1);
const localized = z.strictObject({ en: text, fr: text, es: text });
/** `2023`, `2023-12` or `2023-12-18`: publications are not always dated to the day. */
const partialDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'a date: YYYY, YYYY-MM or YYYY-MM-DD');
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case letters, digits and single hyphens');
const requirementId = z
  .string()
  .regex(
    /^[a-z0-9-]+(\.[a-z0-9-]+)+$/,
    'the framework id, a dot, then lower-case letters, digits, dots or hyphens',
  );

// ---- data files (data/frameworks/*.yaml) ----

export const themeFileSchema = z.strictObject({
  themes: z.array(z.strictObject({ id: z.string(), labels: localized, descriptions: localized })).min(1),
});
export type ThemeFile = z.infer<typeof themeFileSchema>;

/**
 * One entry of a framework file. A `group` entry (a chapter, a function, a heading) only structures the
 * tree; every other entry is a requirement with a summary in our own words and at least one theme.
 */
export const requirementEntrySchema = z
  .strictObject({
    id: requirementId,
    parent: requirementId.optional(),
    group: z.boolean().optional(),
    reference: text,
    title: text,
    summary: text.max(MAX_SUMMARY_CHARS).optional(),
    themes: z.array(z.string()).optional(),
  })
  .superRefine((entry, ctx) => {
    if (entry.group) {
      if (entry.themes?.length)
        ctx.addIssue({ code: 'custom', path: ['themes'], message: 'a group entry carries no themes' });
      return;
    }
    if (!entry.summary)
      ctx.addIssue({ code: 'custom', path: ['summary'], message: 'a requirement needs a summary' });
    if (!entry.themes?.length)
      ctx.addIssue({ code: 'custom', path: ['themes'], message: 'a requirement needs at least one theme' });
  });
export type RequirementEntry = z.infer<typeof requirementEntrySchema>;

export const frameworkFileSchema = z.strictObject({
  id: slug,
  title: text,
  short_title: text,
  issuer: text,
  kind: z.enum(FRAMEWORK_KINDS),
  version: text,
  date: partialDate,
  dates: z.array(z.strictObject({ date: partialDate, event: text })).default([]),
  source_url: z.url({ protocol: /^https$/ }),
  licence: text,
  requirements: z.array(requirementEntrySchema).min(1),
});
export type FrameworkFile = z.infer<typeof frameworkFileSchema>;

// ---- what the API and the CLI give back ----

export const themeIdSchema = z.enum(THEME_IDS);
export const languageSchema = z.enum(LANGUAGES);

export const themeSchema = z.object({
  id: themeIdSchema,
  labels: z.object({ en: z.string(), fr: z.string(), es: z.string() }),
  descriptions: z.object({ en: z.string(), fr: z.string(), es: z.string() }),
});
export type Theme = z.infer<typeof themeSchema>;

/** A theme in one language, as `GET /api/frameworks/themes?lang=` lists it. */
export const themeViewSchema = z.object({
  id: themeIdSchema,
  label: z.string(),
  description: z.string(),
  framework_count: z.number().int(),
  requirement_count: z.number().int(),
});
export type ThemeView = z.infer<typeof themeViewSchema>;

export const requirementSchema = z.object({
  id: z.string(),
  framework_id: z.string(),
  parent: z.string().nullable(),
  group: z.boolean(),
  reference: z.string(),
  title: z.string(),
  summary: z.string().nullable(),
  themes: z.array(themeIdSchema),
});
export type Requirement = z.infer<typeof requirementSchema>;

export type RequirementNode = Requirement & { children: RequirementNode[] };
export const requirementNodeSchema: z.ZodType<RequirementNode> = requirementSchema.extend({
  get children() {
    return z.array(requirementNodeSchema);
  },
});

export const frameworkSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  short_title: z.string(),
  issuer: z.string(),
  kind: z.enum(FRAMEWORK_KINDS),
  version: z.string(),
  date: z.string(),
  dates: z.array(z.object({ date: z.string(), event: z.string() })),
  source_url: z.string(),
  licence: z.string(),
  requirement_count: z.number().int(),
  themes: z.array(themeIdSchema),
});
export type FrameworkSummary = z.infer<typeof frameworkSummarySchema>;

export const frameworkDetailSchema = frameworkSummarySchema.extend({
  requirements: z.array(requirementNodeSchema),
});
export type FrameworkDetail = z.infer<typeof frameworkDetailSchema>;

// ---- crosswalk ----

export const CROSSWALK_FORMATS = ['json', 'xlsx', 'md', 'docx'] as const;
export type CrosswalkFormat = (typeof CROSSWALK_FORMATS)[number];

/** Ids as a comma-separated list (`a,b`), as the query string and the CLI take them. */
const idList = z.string({ error: 'give ids, comma-separated' }).transform((value) => [
  ...new Set(
    value
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean),
  ),
]);

export const crosswalkQuerySchema = z.strictObject({
  frameworks: idList.refine((ids) => ids.length > 0, 'name at least one framework id'),
  themes: idList.optional(),
  format: z.enum(CROSSWALK_FORMATS).default('json'),
});

export interface CrosswalkInput {
  frameworks: readonly string[];
  /** Theme ids; all themes when absent or empty. */
  themes?: readonly string[];
}

export const crosswalkRequirementSchema = z.object({
  id: z.string(),
  reference: z.string(),
  title: z.string(),
  summary: z.string(),
});
export type CrosswalkRequirement = z.infer<typeof crosswalkRequirementSchema>;

export const crosswalkFrameworkSchema = z.object({
  id: z.string(),
  title: z.string(),
  short_title: z.string(),
  issuer: z.string(),
  version: z.string(),
  date: z.string(),
  dates: z.array(z.object({ date: z.string(), event: z.string() })),
  source_url: z.string(),
  licence: z.string(),
});
export type CrosswalkFramework = z.infer<typeof crosswalkFrameworkSchema>;

export const crosswalkSchema = z.object({
  frameworks: z.array(crosswalkFrameworkSchema),
  themes: z.array(themeIdSchema),
  rows: z.array(
    z.object({
      theme: z.object({ id: themeIdSchema, label: z.string() }),
      /** One cell per framework, in the order of `frameworks`. */
      cells: z.array(
        z.object({ framework_id: z.string(), requirements: z.array(crosswalkRequirementSchema) }),
      ),
      requirement_count: z.number().int(),
    }),
  ),
});
export type Crosswalk = z.infer<typeof crosswalkSchema>;
export type CrosswalkRow = Crosswalk['rows'][number];
