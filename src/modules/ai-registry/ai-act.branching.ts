import type { Condition, Question } from './ai-act.schema.js';

/* Which questions apply, given the answers: the questionnaire's `shown_when` branching, without I/O. */

export interface QuestionState {
  /** The question is shown: its `shown_when` holds on the answers before it. */
  applicable: boolean;
  /** Applicable and answered true. Anything else counts as no. */
  yes: boolean;
}

/**
 * Walk the yes/no questions in order. A condition only names earlier questions (the loader checks it),
 * so one pass settles every question; an answer to a question that does not apply counts as no.
 */
export function evaluateBranching(
  questions: readonly Question[],
  answers: Readonly<Record<string, boolean>>,
): Map<string, QuestionState> {
  const states = new Map<string, QuestionState>();
  const yes = (id: string) => states.get(id)?.yes ?? false;
  for (const question of questions) {
    if (question.kind !== 'boolean') continue;
    const applicable = question.shown_when === null || holds(question.shown_when, yes);
    states.set(question.id, { applicable, yes: applicable && answers[question.id] === true });
  }
  return states;
}

export function holds(condition: Condition, yes: (id: string) => boolean): boolean {
  if ('yes_to' in condition) return yes(condition.yes_to);
  if ('not_yes_to' in condition) return !yes(condition.not_yes_to);
  if ('any_yes_to' in condition) return condition.any_yes_to.some(yes);
  if ('all' in condition) return condition.all.every((c) => holds(c, yes));
  return condition.any.some((c) => holds(c, yes));
}

/** The question ids a condition names, for the loader's checks. */
export function conditionIds(condition: Condition): string[] {
  if ('yes_to' in condition) return [condition.yes_to];
  if ('not_yes_to' in condition) return [condition.not_yes_to];
  if ('any_yes_to' in condition) return [...condition.any_yes_to];
  const parts = 'all' in condition ? condition.all : condition.any;
  return parts.flatMap(conditionIds);
}
