import { describe, expect, it } from 'vitest';
import { answerProgress, mergeAnswers } from './assessment-answers.js';
import { assessmentTemplateSchema, templateIssues, type AssessmentTemplate } from './assessment-template.js';
import { loadShippedTemplates } from './assessment-templates.data.js';

const l = (text: string) => ({ en: text, fr: `${text} (fr)`, es: `${text} (es)` });

function template(
  overrides: Record<string, unknown> = {},
  questions: unknown[] = [{ id: 'q1', type: 'text', text: l('Q') }],
) {
  return {
    id: 'custom',
    title: l('Custom'),
    description: l('A custom template'),
    sections: [{ id: 's1', title: l('Section'), questions }],
    ...overrides,
  };
}

function firstIssue(value: unknown): string | null {
  const result = assessmentTemplateSchema.safeParse(value);
  if (result.success) return null;
  const issue = templateIssues(result.error)[0]!;
  return `${issue.path}: ${issue.message}`;
}

describe('assessment template validation', () => {
  it('accepts a minimal template and fills scale defaults', () => {
    const parsed = assessmentTemplateSchema.parse(
      template({}, [{ id: 'q1', type: 'scale', text: l('How much?') }]),
    );
    expect(parsed.sections[0]!.questions[0]).toMatchObject({ type: 'scale', min: 1, max: 5 });
    expect(parsed.sources).toEqual([]);
  });

  it.each([
    ['a missing translation', template({ title: { en: 'T', fr: 'T' } }), 'title.es'],
    ['an empty text', template({ title: { en: ' ', fr: 'T', es: 'T' } }), 'title.en'],
    [
      'an unknown question type',
      template({}, [{ id: 'q1', type: 'date', text: l('Q') }]),
      'sections.0.questions.0.type',
    ],
    ['a badly formed id', template({ id: 'Bad Id' }), 'id'],
    ['no sections', template({ sections: [] }), 'sections'],
    ['a section without questions', template({}, []), 'sections.0.questions'],
    [
      'a duplicate question id',
      template({}, [
        { id: 'q1', type: 'text', text: l('A') },
        { id: 'q1', type: 'yes_no', text: l('B') },
      ]),
      'sections.0.questions.1.id',
    ],
    [
      'a choice with one option',
      template({}, [{ id: 'q1', type: 'choice', text: l('Q'), options: [{ id: 'a', label: l('A') }] }]),
      'sections.0.questions.0.options',
    ],
    [
      'duplicate option ids',
      template({}, [
        {
          id: 'q1',
          type: 'choice',
          text: l('Q'),
          options: [
            { id: 'a', label: l('A') },
            { id: 'a', label: l('B') },
          ],
        },
      ]),
      'sections.0.questions.0.options',
    ],
    [
      'a scale whose max is not above its min',
      template({}, [{ id: 'q1', type: 'scale', text: l('Q'), min: 5, max: 5 }]),
      'sections.0.questions.0.max',
    ],
    [
      'options on a text question',
      template({}, [{ id: 'q1', type: 'text', text: l('Q'), options: [] }]),
      'sections.0.questions.0',
    ],
    ['an unknown field', template({ colour: 'red' }), '(template)'],
  ])('refuses %s', (_what, value, path) => {
    expect(firstIssue(value)).toMatch(new RegExp(`^${path.replace(/[.()]/g, '\\$&')}`));
  });
});

describe('shipped templates', () => {
  const shipped = loadShippedTemplates();
  const byId = new Map(shipped.map((t) => [t.id, t]));

  it('ship the four templates the issue asks for, each valid', () => {
    expect([...byId.keys()].sort()).toEqual(['ai-impact', 'ai-vendor', 'data-sharing', 'dpia']);
  });

  it('cover each fundamental-rights element of EU AI Act Art. 27(1) in the AI impact assessment', () => {
    const ai = byId.get('ai-impact')!;
    const titles = ai.sections.map((s) => s.title.en).join(' | ');
    for (const point of ['(a)', '(b)', '(c)', '(d)', '(e)', '(f)'])
      expect(titles).toContain(`Art. 27(1)${point}`);
    const ids = ai.sections.flatMap((s) => s.questions.map((q) => q.id));
    expect(ids).toEqual(
      expect.arrayContaining([
        'process_description',
        'period_of_use',
        'frequency',
        'affected_categories',
        'risks_of_harm',
        'oversight_measures',
        'mitigation_measures',
        'complaints',
      ]),
    );
  });
});

describe('answers against a template', () => {
  const t: AssessmentTemplate = assessmentTemplateSchema.parse(
    template({}, [
      { id: 'text', type: 'text', text: l('T') },
      { id: 'yn', type: 'yes_no', text: l('Y') },
      {
        id: 'pick',
        type: 'choice',
        text: l('C'),
        options: [
          { id: 'a', label: l('A') },
          { id: 'b', label: l('B') },
        ],
      },
      { id: 'score', type: 'scale', text: l('S'), min: 1, max: 3 },
    ]),
  );

  it.each([
    [{ text: 'x' }, null],
    [{ yn: 'no' }, null],
    [{ pick: 'b' }, null],
    [{ score: 3 }, null],
    [{ yn: 'perhaps' }, 'answers.yn'],
    [{ pick: 'c' }, 'answers.pick'],
    [{ score: 0 }, 'answers.score'],
    [{ score: 1.5 }, 'answers.score'],
    [{ text: 4 }, 'answers.text'],
    [{ other: 'x' }, 'answers.other'],
  ])('merging %j reports %s', (changes, path) => {
    const { issues } = mergeAnswers(t, {}, changes);
    expect(issues[0]?.path ?? null).toBe(path);
  });

  it('clears answers with null or empty text and counts progress', () => {
    const { answers } = mergeAnswers(
      t,
      { text: 'x', yn: 'yes', score: 2 },
      { text: '', yn: null, pick: 'a' },
    );
    expect(answers).toEqual({ score: 2, pick: 'a' });
    expect(answerProgress(t, answers)).toEqual({ answered: 2, total: 4 });
  });
});
