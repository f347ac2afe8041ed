import type { Condition } from '@server/modules/ai-registry/ai-act.schema';

/*
 * The questionnaire's `shown_when` branching, applied in the browser as the person answers, so nobody is
 * asked what does not apply. It mirrors the server (src/modules/ai-registry/ai-act.branching.ts), which
 * stays the authority: branching.test.ts checks that both agree on the shipped questionnaire.
 */

export interface BranchingQuestion {
  id: string;
  kind: 'boolean' | 'choice';
  shown_when: Condition | null;
}

export type Answers = Readonly<Record<string, boolean>>;

/** Does the condition hold, given which questions count as yes? */
export function conditionHolds(condition: Condition, yes: (id: string) => boolean): boolean {
  if ('yes_to' in condition) return yes(condition.yes_to);
  if ('not_yes_to' in condition) return !yes(condition.not_yes_to);
  if ('any_yes_to' in condition) return condition.any_yes_to.some(yes);
  if ('all' in condition) return condition.all.every((part) => conditionHolds(part, yes));
  return condition.any.some((part) => conditionHolds(part, yes));
}

/**
 * The ids of the questions that apply, in questionnaire order. A condition names only earlier
 * questions, so one pass settles them all; a question that does not apply counts as no, whatever its
 * answer. The role question has no condition and always applies.
 */
export function applicableQuestionIds(
  questions: readonly BranchingQuestion[],
  answers: Answers,
): Set<string> {
  const applicable = new Set<string>();
  const yes = (id: string) => applicable.has(id) && answers[id] === true;
  for (const question of questions) {
    if (question.shown_when === null || conditionHolds(question.shown_when, yes)) applicable.add(question.id);
  }
  return applicable;
}

/**
 * The answers that count: those given to yes/no questions that apply. Answers to questions a later
 * change hid are kept in the page (they come back with the question) but are neither sent nor saved.
 */
export function applicableAnswers(
  questions: readonly BranchingQuestion[],
  answers: Answers,
): Record<string, boolean> {
  const applicable = applicableQuestionIds(questions, answers);
  const counted: Record<string, boolean> = {};
  for (const question of questions) {
    const answer = answers[question.id];
    if (question.kind === 'boolean' && applicable.has(question.id) && answer !== undefined)
      counted[question.id] = answer;
  }
  return counted;
}
