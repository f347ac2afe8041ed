/*
 * The EU AI Act questionnaire's question ids: a public, stable contract (CLI `--json`, the API, saved
 * answers). The data file data/ai-act/questions.yaml must hold exactly these ids; the loader refuses it
 * otherwise. Never rename or reuse an id.
 */

export const AI_ACT_LANGS = ['en', 'fr', 'es'] as const;
export type AiActLang = (typeof AI_ACT_LANGS)[number];

/** The organisation's role for the system (Art. 3(3), 3(4), 3(6), 3(7)); the `role` question. */
export const AI_ACT_ROLES = ['provider', 'deployer', 'importer', 'distributor'] as const;
export type AiActRole = (typeof AI_ACT_ROLES)[number];

export const ROLE_QUESTION_ID = 'role';
export const AI_DEFINITION_ID = 'ai.definition';
export const SCOPE_EXCLUDED_ID = 'scope.excluded';

/** Art. 5(1)(a)–(h): the prohibited practices. */
export const ART5_IDS = [
  'art5.a',
  'art5.b',
  'art5.c',
  'art5.d',
  'art5.e',
  'art5.f',
  'art5.g',
  'art5.h',
] as const;

export const ANNEX1_ID = 'annex1.safety_component';

/** Annex III points (Art. 6(2)). */
export const ANNEX3_IDS = [
  'annex3.1a',
  'annex3.1b',
  'annex3.1c',
  'annex3.2',
  'annex3.3a',
  'annex3.3b',
  'annex3.3c',
  'annex3.3d',
  'annex3.4a',
  'annex3.4b',
  'annex3.5a',
  'annex3.5b',
  'annex3.5c',
  'annex3.5d',
  'annex3.6a',
  'annex3.6b',
  'annex3.6c',
  'annex3.6d',
  'annex3.6e',
  'annex3.7a',
  'annex3.7b',
  'annex3.7c',
  'annex3.7d',
  'annex3.8a',
  'annex3.8b',
] as const;

/** Art. 6(3)(a)–(d): the conditions under which an Annex III system is not high-risk. */
export const ART6_3_CONDITION_IDS = ['art6_3.a', 'art6_3.b', 'art6_3.c', 'art6_3.d'] as const;
/** Art. 6(3), last subparagraph: an Annex III system that profiles people is always high-risk. */
export const PROFILING_ID = 'art6_3.profiling';

/** Art. 50(1)–(4): transparency cases. */
export const ART50_IDS = ['art50.1', 'art50.2', 'art50.3', 'art50.4'] as const;

export const GPAI_MODEL_ID = 'gpai.model';
export const GPAI_SYSTEMIC_RISK_ID = 'gpai.systemic_risk';

/** Every yes/no question, in questionnaire order. */
export const BOOLEAN_QUESTION_IDS: readonly string[] = [
  AI_DEFINITION_ID,
  SCOPE_EXCLUDED_ID,
  ...ART5_IDS,
  ANNEX1_ID,
  ...ANNEX3_IDS,
  ...ART6_3_CONDITION_IDS,
  PROFILING_ID,
  ...ART50_IDS,
  GPAI_MODEL_ID,
  GPAI_SYSTEMIC_RISK_ID,
];

/** Every question id, in questionnaire order. */
export const QUESTION_IDS: readonly string[] = [ROLE_QUESTION_ID, ...BOOLEAN_QUESTION_IDS];

const BOOLEAN_ID_SET: ReadonlySet<string> = new Set(BOOLEAN_QUESTION_IDS);

export function isBooleanQuestionId(id: string): boolean {
  return BOOLEAN_ID_SET.has(id);
}
