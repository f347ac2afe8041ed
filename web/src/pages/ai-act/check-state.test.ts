import { describe, expect, it } from 'vitest';
import { loadAiActQuestionnaire } from '../../../../src/modules/ai-registry/ai-act.data';
import { classifyInputSchema } from '../../../../src/modules/ai-registry/ai-act.schema';
import {
  checkReducer,
  classifyInput,
  EMPTY_CHECK,
  matchedWords,
  pendingCount,
  pendingSuggestion,
  type CheckAction,
  type CheckState,
} from './check-state';

const questions = loadAiActQuestionnaire().questions;
const chatbot = { question_id: 'art50.1', value: true as const, because: 'matched "chatbot"' };
const cv = { question_id: 'annex3.4a', value: true as const, because: 'matched "CV screening"' };
const run = (...actions: CheckAction[]): CheckState => actions.reduce(checkReducer, EMPTY_CHECK);

describe('checkReducer', () => {
  it('records, changes and clears answers', () => {
    const state = run(
      { type: 'answer', id: 'ai.definition', value: true },
      { type: 'answer', id: 'annex3.4a', value: true },
      { type: 'answer', id: 'annex3.4a', value: false },
      { type: 'clear', id: 'ai.definition' },
    );
    expect(state.answers).toEqual({ 'annex3.4a': false });
  });

  it('keeps suggestions apart from the answers until one is confirmed', () => {
    const suggested = run({ type: 'suggested', suggestions: [cv, chatbot] });
    expect(suggested.answers).toEqual({});
    expect(pendingSuggestion(suggested, 'art50.1')).toEqual(chatbot);
    expect(pendingCount(suggested)).toBe(2);

    const confirmed = checkReducer(suggested, { type: 'answer', id: 'art50.1', value: true });
    expect(confirmed.answers).toEqual({ 'art50.1': true });
    expect(pendingSuggestion(confirmed, 'art50.1')).toBeUndefined();
    expect(pendingCount(confirmed)).toBe(1);
  });

  it('stops suggesting an answer the person gave as no, and again after clearing it', () => {
    const refused = run(
      { type: 'suggested', suggestions: [chatbot] },
      { type: 'answer', id: 'art50.1', value: false },
    );
    expect(pendingSuggestion(refused, 'art50.1')).toBeUndefined();
    const cleared = checkReducer(refused, { type: 'clear', id: 'art50.1' });
    expect(pendingSuggestion(cleared, 'art50.1')).toEqual(chatbot);
  });

  it('drops a dismissed suggestion, and replaces them all with a new description', () => {
    const dismissed = run(
      { type: 'suggested', suggestions: [cv, chatbot] },
      { type: 'dismiss', id: 'annex3.4a' },
    );
    expect(dismissed.suggestions).toEqual([chatbot]);
    expect(checkReducer(dismissed, { type: 'suggested', suggestions: [cv] }).suggestions).toEqual([cv]);
  });
});

describe('classifyInput', () => {
  it('waits for the role', () => {
    expect(classifyInput(run({ type: 'answer', id: 'ai.definition', value: true }), questions)).toBeNull();
  });

  it('sends the role and the answers that apply, in the shape the API and the CLI accept', () => {
    const state = run(
      { type: 'role', role: 'deployer' },
      { type: 'answer', id: 'ai.definition', value: true },
      { type: 'answer', id: 'annex3.4a', value: true },
      { type: 'answer', id: 'gpai.systemic_risk', value: true },
      { type: 'suggested', suggestions: [chatbot] },
    );
    const input = classifyInput(state, questions);
    expect(input).toEqual({ role: 'deployer', answers: { 'ai.definition': true, 'annex3.4a': true } });
    expect(classifyInputSchema.safeParse(input).success).toBe(true);
  });
});

describe('matchedWords', () => {
  it('reads the words of one or more matches', () => {
    expect(matchedWords('matched "chatbot"')).toEqual(['chatbot']);
    expect(matchedWords('matched "Détection des émotions" and "personnel"')).toEqual([
      'Détection des émotions',
      'personnel',
    ]);
  });

  it('gives null for any other wording', () => {
    expect(matchedWords('found "chatbot"')).toBeNull();
    expect(matchedWords('matched chatbot')).toBeNull();
    expect(matchedWords('matched "a" or "b"')).toBeNull();
  });
});
