import { z } from 'zod';

/*
 * The schema of an assessment template, shared by the shipped data files (data/assessments/*.yaml)
 * and the templates admins add through the API: sections of questions, every text in English,
 * French and Spanish. Pure: no I/O.
 */

export const LANGUAGES = ['en', 'fr', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

export const localizedSchema = z.strictObject({
  en: z.string().trim().min(1),
  fr: z.string().trim().min(1),
  es: z.string().trim().min(1),
});
export type Localized = z.infer<typeof localizedSchema>;

const idSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'lower-case letters, digits, "-" and "_", at most 63 characters');

const questionBase = {
  id: idSchema,
  text: localizedSchema,
  help: localizedSchema.optional(),
};

export const QUESTION_TYPES = ['text', 'yes_no', 'choice', 'scale'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const questionSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...questionBase, type: z.literal('text') }),
  z.strictObject({ ...questionBase, type: z.literal('yes_no') }),
  z.strictObject({
    ...questionBase,
    type: z.literal('choice'),
    options: z.array(z.strictObject({ id: idSchema, label: localizedSchema })).min(2),
  }),
  z.strictObject({
    ...questionBase,
    type: z.literal('scale'),
    min: z.number().int().default(1),
    max: z.number().int().default(5),
    labels: z.strictObject({ min: localizedSchema, max: localizedSchema }).optional(),
  }),
]);
export type Question = z.infer<typeof questionSchema>;

export const sectionSchema = z.strictObject({
  id: idSchema,
  title: localizedSchema,
  intro: localizedSchema.optional(),
  questions: z.array(questionSchema).min(1),
});
export type Section = z.infer<typeof sectionSchema>;

export const assessmentTemplateSchema = z
  .strictObject({
    id: idSchema,
    title: localizedSchema,
    description: localizedSchema,
    sources: z.array(z.strictObject({ title: z.string().min(1), url: z.url().optional() })).default([]),
    sections: z.array(sectionSchema).min(1),
  })
  .superRefine((template, ctx) => {
    const sections = new Set<string>();
    const questions = new Set<string>();
    template.sections.forEach((section, s) => {
      if (sections.has(section.id))
        ctx.addIssue({
          code: 'custom',
          path: ['sections', s, 'id'],
          message: `duplicate section id ${section.id}`,
        });
      sections.add(section.id);
      section.questions.forEach((question, q) => {
        const path = ['sections', s, 'questions', q];
        if (questions.has(question.id))
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'id'],
            message: `duplicate question id ${question.id}`,
          });
        questions.add(question.id);
        if (question.type === 'choice') {
          const ids = question.options.map((o) => o.id);
          if (new Set(ids).size !== ids.length)
            ctx.addIssue({ code: 'custom', path: [...path, 'options'], message: 'duplicate option id' });
        }
        if (question.type === 'scale' && question.min >= question.max)
          ctx.addIssue({ code: 'custom', path: [...path, 'max'], message: 'max must be greater than min' });
      });
    });
  });
export type AssessmentTemplate = z.infer<typeof assessmentTemplateSchema>;

/** Every question of a template, in order, with the section it belongs to. */
export function templateQuestions(template: AssessmentTemplate): { section: Section; question: Question }[] {
  return template.sections.flatMap((section) => section.questions.map((question) => ({ section, question })));
}

export function findQuestion(template: AssessmentTemplate, id: string): Question | undefined {
  for (const section of template.sections) {
    const question = section.questions.find((q) => q.id === id);
    if (question) return question;
  }
  return undefined;
}

/** The zod issues of a template as "path: message" lines. */
export function templateIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({
    path: issue.path.join('.') || '(template)',
    message: issue.message,
  }));
}
