import type { FieldIssue } from '../../core/errors.js';
import {
  findQuestion,
  templateQuestions,
  type AssessmentTemplate,
  type Question,
} from './assessment-template.js';

/* Answers checked against the template's questions, and how many are given. Pure. */

export type AnswerValue = string | number;
export type Answers = Record<string, AnswerValue>;

export const YES_NO = ['yes', 'no'] as const;

/** Why a value does not answer the question, or null when it does. */
export function answerProblem(question: Question, value: AnswerValue): string | null {
  switch (question.type) {
    case 'text':
      return typeof value === 'string' && value.length <= 20_000 ? null : 'text of at most 20,000 characters';
    case 'yes_no':
      return value === 'yes' || value === 'no' ? null : '"yes" or "no"';
    case 'choice':
      return question.options.some((option) => option.id === value)
        ? null
        : `one of ${question.options.map((o) => o.id).join(', ')}`;
    case 'scale':
      return typeof value === 'number' &&
        Number.isInteger(value) &&
        value >= question.min &&
        value <= question.max
        ? null
        : `a whole number from ${question.min} to ${question.max}`;
  }
}

/**
 * Merge changed answers into the stored ones: a value sets the answer, null (or empty text) clears it.
 * Returns the merged answers, or the issues when any change does not fit its question.
 */
export function mergeAnswers(
  template: AssessmentTemplate,
  stored: Answers,
  changes: Record<string, AnswerValue | null>,
): { answers: Answers; issues: FieldIssue[] } {
  const answers: Answers = { ...stored };
  const issues: FieldIssue[] = [];
  for (const [id, value] of Object.entries(changes)) {
    const question = findQuestion(template, id);
    if (!question) {
      issues.push({ path: `answers.${id}`, message: 'no such question in this assessment' });
      continue;
    }
    if (value === null || value === '') {
      delete answers[id];
      continue;
    }
    const problem = answerProblem(question, value);
    if (problem) issues.push({ path: `answers.${id}`, message: `expected ${problem}` });
    else answers[id] = typeof value === 'string' ? value.trim() || value : value;
  }
  return { answers, issues };
}

/** Questions answered out of all questions. */
export function answerProgress(
  template: AssessmentTemplate,
  answers: Answers,
): { answered: number; total: number } {
  const questions = templateQuestions(template);
  return {
    answered: questions.filter(({ question }) => answers[question.id] !== undefined).length,
    total: questions.length,
  };
}
