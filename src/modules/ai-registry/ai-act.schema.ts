import { z } from 'zod';
import { AI_ACT_LANGS, AI_ACT_ROLES, ROLE_QUESTION_ID, isBooleanQuestionId } from './ai-act.ids.js';

/* The EU AI Act questionnaire: its data file, the API inputs and the results. */

const text = z.string().trim().min(1);
const isoDate = z.iso.date();

export const localisedSchema = z.strictObject({ en: text, fr: text, es: text });
export type Localised = z.infer<typeof localisedSchema>;

/**
 * When a question applies, on the effective answers so far (an unanswered or non-applicable question
 * counts as "no").
 */
export type Condition =
  | { yes_to: string }
  | { not_yes_to: string }
  | { any_yes_to: string[] }
  | { all: Condition[] }
  | { any: Condition[] };

/** A condition as written in the data file: it may name a shared condition (`ref`). */
export type RawCondition =
  | { yes_to: string }
  | { not_yes_to: string }
  | { any_yes_to: string[] }
  | { all: RawCondition[] }
  | { any: RawCondition[] }
  | { ref: string };

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ yes_to: text }),
    z.strictObject({ not_yes_to: text }),
    z.strictObject({ any_yes_to: z.array(text).min(1) }),
    z.strictObject({ all: z.array(conditionSchema).min(1) }),
    z.strictObject({ any: z.array(conditionSchema).min(1) }),
  ]),
);

const rawConditionSchema: z.ZodType<RawCondition> = z.lazy(() =>
  z.union([
    z.strictObject({ yes_to: text }),
    z.strictObject({ not_yes_to: text }),
    z.strictObject({ any_yes_to: z.array(text).min(1) }),
    z.strictObject({ all: z.array(rawConditionSchema).min(1) }),
    z.strictObject({ any: z.array(rawConditionSchema).min(1) }),
    z.strictObject({ ref: text }),
  ]),
);

const roleOptionSchema = z.strictObject({ value: z.enum(AI_ACT_ROLES), label: localisedSchema });

const questionFields = {
  id: text,
  section: text,
  /** The citation, e.g. "Art. 5(1)(a)" or "Annex III 7(b)". */
  article: text,
  kind: z.enum(['boolean', 'choice']),
  label: localisedSchema,
  text: localisedSchema,
  help: localisedSchema,
  example: localisedSchema,
  options: z.array(roleOptionSchema).min(1).optional(),
};

const sourceSchema = z.strictObject({
  title: text,
  short: text,
  official_journal: text,
  eli: z.url(),
  url: z.url(),
  articles_used: text,
  also_cited: z.array(text),
  wording: text,
});

const applicationDateSchema = z.strictObject({
  id: text,
  date: isoDate,
  basis: text,
  covers: text,
  amended: z.strictObject({ date: isoDate, by: text }).optional(),
});

const amendmentSchema = z.strictObject({ id: text, title: text, proposal: text, status: text });
const sectionSchema = z.strictObject({ id: text, title: localisedSchema });

/** data/ai-act/questions.yaml as written. */
export const questionnaireFileSchema = z.strictObject({
  source: sourceSchema,
  application_dates: z.array(applicationDateSchema).min(1),
  amendments: z.array(amendmentSchema),
  messages: z.strictObject({ benchmark_note: localisedSchema }),
  sections: z.array(sectionSchema).min(1),
  conditions: z.record(z.string(), rawConditionSchema),
  questions: z
    .array(
      z.strictObject({
        ...questionFields,
        kind: questionFields.kind.default('boolean'),
        shown_when: rawConditionSchema.optional(),
      }),
    )
    .min(1),
});
export type QuestionnaireFile = z.infer<typeof questionnaireFileSchema>;

/** A question after loading: shared conditions resolved, `shown_when` null when it always applies. */
export const questionSchema = z.strictObject({ ...questionFields, shown_when: conditionSchema.nullable() });
export type Question = z.infer<typeof questionSchema>;

export interface Questionnaire {
  source: z.infer<typeof sourceSchema>;
  application_dates: z.infer<typeof applicationDateSchema>[];
  amendments: z.infer<typeof amendmentSchema>[];
  messages: { benchmark_note: Localised };
  sections: z.infer<typeof sectionSchema>[];
  questions: Question[];
}

/* ---- API ---- */

export const langQuerySchema = z.strictObject({ lang: z.enum(AI_ACT_LANGS).default('en') });

const localisedQuestionSchema = z.object({
  id: z.string(),
  section: z.string(),
  article: z.string(),
  kind: z.enum(['boolean', 'choice']),
  label: z.string(),
  text: z.string(),
  help: z.string(),
  example: z.string(),
  options: z.array(z.object({ value: z.enum(AI_ACT_ROLES), label: z.string() })).optional(),
  shown_when: conditionSchema.nullable(),
});

/** The questionnaire in one language (GET /api/ai-act/questions, `custos ai questions --json`). */
export const questionsResponseSchema = z.object({
  lang: z.enum(AI_ACT_LANGS),
  source: sourceSchema,
  application_dates: z.array(applicationDateSchema),
  amendments: z.array(amendmentSchema),
  note: z.string(),
  note_code: z.string(),
  sections: z.array(z.object({ id: z.string(), title: z.string() })),
  questions: z.array(localisedQuestionSchema),
});
export type QuestionsResponse = z.infer<typeof questionsResponseSchema>;

/** Yes/no answers by question id; a question left out is unanswered (it counts as no and is listed). */
export const answersSchema = z
  .record(z.string(), z.boolean({ error: 'must be true or false (leave unanswered questions out)' }))
  .check(
    z.superRefine(
      (answers, ctx) => {
        const keys = Object.keys(answers);
        if (keys.includes(ROLE_QUESTION_ID))
          ctx.addIssue({
            code: 'custom',
            path: [ROLE_QUESTION_ID],
            message: 'the role is not a yes/no answer: give it as "role" beside "answers"',
          });
        const unknown = keys.filter((id) => id !== ROLE_QUESTION_ID && !isBooleanQuestionId(id));
        if (unknown.length > 0)
          ctx.addIssue({ code: 'custom', message: `unknown question id(s): ${unknown.join(', ')}` });
      },
      // Report unknown ids even when some values are not booleans: the caller fixes everything at once.
      { when: () => true },
    ),
  );

export const classifyInputSchema = z.strictObject({ role: z.enum(AI_ACT_ROLES), answers: answersSchema });
export type ClassifyInput = z.infer<typeof classifyInputSchema>;

export const TIERS = ['out_of_scope', 'prohibited', 'high', 'limited', 'minimal'] as const;
export type Tier = (typeof TIERS)[number];

export const derogationSchema = z.object({
  /** The Art. 6(3) conditions that apply (question ids). */
  conditions: z.array(z.string()),
  articles: z.array(z.string()),
  /** The Annex III points the derogation lifts (question ids). */
  annex3_points: z.array(z.string()),
  justification_required: z.literal(true),
  justification: z.string(),
});
export type Derogation = z.infer<typeof derogationSchema>;

export const classificationSchema = z.object({
  tier: z.enum(TIERS),
  articles: z.array(z.string()),
  /** Art. 50 cases that apply (question ids), whatever the tier. */
  transparency: z.array(z.string()),
  derogation: derogationSchema.nullable(),
  gpai: z.object({ model: z.boolean(), systemic_risk: z.boolean() }),
  obligations: z.array(z.string()),
  reasons: z.array(z.string()),
  /** Applicable questions left unanswered, counted as no. */
  assumed_no: z.array(z.string()),
  /** The Act is the organisation's benchmark, not necessarily binding on it (English; `note_code` to translate). */
  note: z.string(),
  note_code: z.string(),
});
export type Classification = z.infer<typeof classificationSchema>;

export const suggestInputSchema = z.strictObject({
  description: z.string().trim().min(1).max(20_000),
  lang: z.enum(AI_ACT_LANGS).optional(),
});
export type SuggestInput = z.infer<typeof suggestInputSchema>;

export const suggestionSchema = z.object({
  question_id: z.string(),
  value: z.literal(true),
  because: z.string(),
});
export type Suggestion = z.infer<typeof suggestionSchema>;

export const suggestionsSchema = z.object({
  kind: z.literal('suggestions'),
  /** Nothing here is an answer until a person confirms it. */
  confirmation_required: z.literal(true),
  notice: z.string(),
  notice_code: z.string(),
  suggestions: z.array(suggestionSchema),
});
export type Suggestions = z.infer<typeof suggestionsSchema>;
