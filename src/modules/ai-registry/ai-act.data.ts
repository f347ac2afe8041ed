import fs from 'node:fs';
import { dataPath } from '../../core/data-files.js';
import { parse } from 'yaml';
import { conditionIds } from './ai-act.branching.js';
import { AI_ACT_ROLES, QUESTION_IDS, ROLE_QUESTION_ID } from './ai-act.ids.js';
import {
  questionnaireFileSchema,
  type Condition,
  type Question,
  type Questionnaire,
  type QuestionnaireFile,
  type RawCondition,
} from './ai-act.schema.js';

/* Loads data/ai-act/questions.yaml once and checks it against the id contract and its own branching. */

/** The shipped file, data/ai-act/questions.yaml. */
export function questionsFilePath(): string {
  return dataPath('ai-act', 'questions.yaml');
}

let cached: Questionnaire | undefined;

/** The questionnaire, read and validated on first use. A broken file fails loudly: it ships with Custos. */
export function loadAiActQuestionnaire(): Questionnaire {
  if (!cached) {
    const file = questionsFilePath();
    cached = parseQuestionnaire(fs.readFileSync(file, 'utf8'), file);
  }
  return cached;
}

export function parseQuestionnaire(source: string, origin = 'data/ai-act/questions.yaml'): Questionnaire {
  let raw: unknown;
  try {
    raw = parse(source);
  } catch (error) {
    throw new Error(`${origin}: not valid YAML: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  const parsed = questionnaireFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`${origin}: ${issues.slice(0, 10).join('; ')}`);
  }
  const problems: string[] = [];
  const questionnaire = resolve(parsed.data, problems);
  checkContract(questionnaire, problems);
  if (problems.length > 0) throw new Error(`${origin}: ${problems.join('; ')}`);
  return questionnaire;
}

function resolve(file: QuestionnaireFile, problems: string[]): Questionnaire {
  const expand = (condition: RawCondition, seen: readonly string[]): Condition => {
    if ('ref' in condition) {
      const target = file.conditions[condition.ref];
      if (!target || seen.includes(condition.ref)) {
        problems.push(`condition "${condition.ref}" is ${target ? 'circular' : 'not defined'}`);
        return { any: [] };
      }
      return expand(target, [...seen, condition.ref]);
    }
    if ('all' in condition) return { all: condition.all.map((c) => expand(c, seen)) };
    if ('any' in condition) return { any: condition.any.map((c) => expand(c, seen)) };
    return condition;
  };
  const questions: Question[] = file.questions.map((q) => ({
    ...q,
    shown_when: q.shown_when ? expand(q.shown_when, []) : null,
  }));
  const { conditions: _shared, questions: _raw, ...rest } = file;
  return { ...rest, questions };
}

function checkContract(questionnaire: Questionnaire, problems: string[]): void {
  const ids = questionnaire.questions.map((q) => q.id);
  const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (duplicates.length > 0) problems.push(`duplicate question id(s): ${duplicates.join(', ')}`);
  const missing = QUESTION_IDS.filter((id) => !ids.includes(id));
  if (missing.length > 0) problems.push(`missing question id(s): ${missing.join(', ')}`);
  const extra = ids.filter((id) => !QUESTION_IDS.includes(id));
  if (extra.length > 0) problems.push(`unknown question id(s): ${extra.join(', ')}`);

  const sections = new Set(questionnaire.sections.map((s) => s.id));
  const earlierBooleans = new Set<string>();
  for (const question of questionnaire.questions) {
    if (!sections.has(question.section))
      problems.push(`${question.id}: section "${question.section}" is not defined`);
    checkKind(question, problems);
    for (const named of question.shown_when ? conditionIds(question.shown_when) : []) {
      if (!earlierBooleans.has(named))
        problems.push(
          `${question.id}: shown_when names "${named}", which is not a yes/no question before it`,
        );
    }
    if (question.kind === 'boolean') earlierBooleans.add(question.id);
  }
}

function checkKind(question: Question, problems: string[]): void {
  if (question.id === ROLE_QUESTION_ID) {
    const values = (question.options ?? []).map((o) => o.value);
    if (question.kind !== 'choice' || values.join() !== AI_ACT_ROLES.join())
      problems.push(`role: must be a choice with the options ${AI_ACT_ROLES.join(', ')} in that order`);
    if (question.shown_when) problems.push('role: always applies, so it takes no shown_when');
  } else if (question.kind !== 'boolean' || question.options) {
    problems.push(`${question.id}: must be a yes/no question without options`);
  }
}
