import { describe, expect, it } from 'vitest';
import { evaluateBranching } from '../../../../src/modules/ai-registry/ai-act.branching';
import { loadAiActQuestionnaire } from '../../../../src/modules/ai-registry/ai-act.data';
import { BOOLEAN_QUESTION_IDS } from '../../../../src/modules/ai-registry/ai-act.ids';
import {
  applicableAnswers,
  applicableQuestionIds,
  conditionHolds,
  type BranchingQuestion,
} from './branching';

const questionnaire = loadAiActQuestionnaire();
const questions: BranchingQuestion[] = questionnaire.questions;
const conditionOf = (id: string) => {
  const condition = questions.find((question) => question.id === id)?.shown_when;
  if (!condition) throw new Error(`${id} has no shown_when in the questionnaire`);
  return condition;
};
const saying =
  (...ids: string[]) =>
  (id: string) =>
    ids.includes(id);

describe('conditionHolds on the shapes of the shipped questionnaire', () => {
  it('yes_to (scope.excluded): holds only when that question is yes', () => {
    const condition = conditionOf('scope.excluded');
    expect(condition).toEqual({ yes_to: 'ai.definition' });
    expect(conditionHolds(condition, saying('ai.definition'))).toBe(true);
    expect(conditionHolds(condition, saying())).toBe(false);
  });

  it('all of yes_to and not_yes_to (art5.a, "in scope"): an AI system that is not excluded', () => {
    const condition = conditionOf('art5.a');
    expect(condition).toEqual({ all: [{ yes_to: 'ai.definition' }, { not_yes_to: 'scope.excluded' }] });
    expect(conditionHolds(condition, saying('ai.definition'))).toBe(true);
    expect(conditionHolds(condition, saying('ai.definition', 'scope.excluded'))).toBe(false);
    expect(conditionHolds(condition, saying())).toBe(false);
  });

  it('any_yes_to (art6_3.a): holds when one Annex III point is yes', () => {
    const condition = conditionOf('art6_3.a');
    expect(conditionHolds(condition, saying('annex3.8b'))).toBe(true);
    expect(conditionHolds(condition, saying('annex3.4a', 'annex3.1a'))).toBe(true);
    expect(conditionHolds(condition, saying('annex1.safety_component', 'art50.1'))).toBe(false);
  });

  it('any of nested conditions: holds when one part holds', () => {
    const condition = { any: [{ yes_to: 'gpai.model' }, { all: [{ not_yes_to: 'art50.1' }] }] };
    expect(conditionHolds(condition, saying('gpai.model', 'art50.1'))).toBe(true);
    expect(conditionHolds(condition, saying())).toBe(true);
    expect(conditionHolds(condition, saying('art50.1'))).toBe(false);
  });
});

describe('applicableQuestionIds', () => {
  it('asks only the role and whether it is an AI system before anything is answered', () => {
    expect([...applicableQuestionIds(questions, {})]).toEqual(['role', 'ai.definition']);
  });

  it('opens scope, prohibited practices, Annex I and III, transparency and GPAI for an AI system', () => {
    const applicable = applicableQuestionIds(questions, { 'ai.definition': true });
    expect(applicable.has('scope.excluded')).toBe(true);
    expect(applicable.has('annex3.4a')).toBe(true);
    expect(applicable.has('gpai.model')).toBe(true);
    expect(applicable.has('art6_3.a')).toBe(false);
    expect(applicable.has('gpai.systemic_risk')).toBe(false);
  });

  it('closes everything after scope when the system is excluded from the Act', () => {
    const applicable = applicableQuestionIds(questions, { 'ai.definition': true, 'scope.excluded': true });
    expect([...applicable]).toEqual(['role', 'ai.definition', 'scope.excluded']);
  });

  it('asks the Art. 6(3) conditions only after an Annex III point, and profiling only after a condition', () => {
    const annex3 = { 'ai.definition': true, 'annex3.4a': true };
    expect(applicableQuestionIds(questions, annex3).has('art6_3.a')).toBe(true);
    expect(applicableQuestionIds(questions, annex3).has('art6_3.profiling')).toBe(false);
    expect(applicableQuestionIds(questions, { ...annex3, 'art6_3.b': true }).has('art6_3.profiling')).toBe(
      true,
    );
  });

  it('treats a yes to a question that no longer applies as no further down', () => {
    // Annex III 4(a) and the Art. 6(3) condition are still answered, but "not an AI system" hides them.
    const answers = { 'ai.definition': false, 'annex3.4a': true, 'art6_3.a': true };
    expect([...applicableQuestionIds(questions, answers)]).toEqual(['role', 'ai.definition']);
  });

  it('agrees with the server on every question for many answer sets', () => {
    let seed = 20_261_130;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let round = 0; round < 300; round += 1) {
      const answers: Record<string, boolean> = { 'ai.definition': random() < 0.9 };
      for (const id of BOOLEAN_QUESTION_IDS) if (random() < 0.25) answers[id] = random() < 0.6;
      const server = evaluateBranching(questionnaire.questions, answers);
      const web = applicableQuestionIds(questions, answers);
      for (const id of BOOLEAN_QUESTION_IDS)
        expect(web.has(id), `${id} with ${JSON.stringify(answers)}`).toBe(server.get(id)?.applicable);
    }
  });
});

describe('applicableAnswers', () => {
  it('keeps the answers to questions that apply, yes and no, and drops the others', () => {
    const answers = { 'ai.definition': true, 'scope.excluded': false, 'art6_3.a': true, 'annex3.4a': false };
    expect(applicableAnswers(questions, answers)).toEqual({
      'ai.definition': true,
      'scope.excluded': false,
      'annex3.4a': false,
    });
  });

  it('gives nothing when nothing is answered', () => {
    expect(applicableAnswers(questions, {})).toEqual({});
  });
});
