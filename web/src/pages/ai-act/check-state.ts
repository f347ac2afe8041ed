import type { AiActRole } from '@server/modules/ai-registry/ai-act.ids';
import type { ClassifyInput, Suggestion } from '@server/modules/ai-registry/ai-act.schema';
import { applicableAnswers, type BranchingQuestion } from './branching';

/*
 * What the person has said so far on the AI Act check page. Suggestions from a description are kept
 * apart from the answers: one becomes an answer only when the person confirms it.
 */

export interface CheckState {
  role: AiActRole | null;
  /** Answers the person gave or confirmed, by question id. */
  answers: Record<string, boolean>;
  /** The suggestions of the last description, in questionnaire order, until dismissed. */
  suggestions: Suggestion[];
}

export type CheckAction =
  | { type: 'role'; role: AiActRole }
  | { type: 'answer'; id: string; value: boolean }
  | { type: 'clear'; id: string }
  | { type: 'suggested'; suggestions: Suggestion[] }
  | { type: 'dismiss'; id: string };

export const EMPTY_CHECK: CheckState = { role: null, answers: {}, suggestions: [] };

export function checkReducer(state: CheckState, action: CheckAction): CheckState {
  switch (action.type) {
    case 'role':
      return { ...state, role: action.role };
    case 'answer':
      return { ...state, answers: { ...state.answers, [action.id]: action.value } };
    case 'clear': {
      const { [action.id]: _cleared, ...answers } = state.answers;
      return { ...state, answers };
    }
    case 'suggested':
      return { ...state, suggestions: action.suggestions };
    case 'dismiss':
      return { ...state, suggestions: state.suggestions.filter((s) => s.question_id !== action.id) };
  }
}

/** A suggestion still waiting for the person: suggested, not dismissed, and the question not answered. */
export function pendingSuggestion(state: CheckState, id: string): Suggestion | undefined {
  if (state.answers[id] !== undefined) return undefined;
  return state.suggestions.find((suggestion) => suggestion.question_id === id);
}

export function pendingCount(state: CheckState): number {
  return state.suggestions.filter((s) => state.answers[s.question_id] === undefined).length;
}

/**
 * The classification request, in the shape `custos ai classify --answers FILE` reads: the role and the
 * answers to the questions that apply. `null` until a role is chosen: the obligations depend on it.
 */
export function classifyInput(
  state: Pick<CheckState, 'role' | 'answers'>,
  questions: readonly BranchingQuestion[],
): ClassifyInput | null {
  if (state.role === null) return null;
  return { role: state.role, answers: applicableAnswers(questions, state.answers) };
}

/**
 * The words a suggestion matched, from the server's `matched "a" and "b"`, so the page can quote them
 * in the reader's language; `null` for any other wording, which the page then shows as it is.
 */
export function matchedWords(because: string): string[] | null {
  const words = [...because.matchAll(/"([^"]+)"/g)].map((match) => match[1] ?? '');
  if (words.length === 0) return null;
  return because === `matched ${words.map((word) => `"${word}"`).join(' and ')}` ? words : null;
}
