import { evaluateBranching, type QuestionState } from './ai-act.branching.js';
import {
  AI_DEFINITION_ID,
  ANNEX1_ID,
  ANNEX3_IDS,
  ART5_IDS,
  ART50_IDS,
  ART6_3_CONDITION_IDS,
  GPAI_MODEL_ID,
  GPAI_SYSTEMIC_RISK_ID,
  PROFILING_ID,
  SCOPE_EXCLUDED_ID,
} from './ai-act.ids.js';
import type {
  Classification,
  ClassifyInput,
  Derogation,
  Question,
  Questionnaire,
  Tier,
} from './ai-act.schema.js';
import { obligationsFor } from './eu-ai-act.obligations.js';

/*
 * EU AI Act risk classification (Regulation (EU) 2024/1689), from yes/no answers. Pure: the questionnaire
 * (data/ai-act/questions.yaml) is passed in, already loaded and validated.
 *
 * Outcome rules, in order:
 *   not an AI system (Art. 3(1)) or excluded (Art. 2)                         → out_of_scope
 *   any Art. 5(1) practice                                                     → prohibited
 *   Annex I safety component (Art. 6(1))                                       → high
 *   any Annex III point (Art. 6(2)), unless an Art. 6(3) condition applies and
 *   the system does not profile people (then the derogation is recorded)       → high
 *   any Art. 50 case                                                           → limited
 *   otherwise                                                                  → minimal
 * Art. 50 cases are listed in `transparency` beside any tier; general-purpose models in `gpai`.
 * Only questions that apply count: an answer to a question its branching hides counts as no.
 */

export const BENCHMARK_NOTE_CODE = 'ai_act.benchmark_note';

export function classify(input: ClassifyInput, questionnaire: Questionnaire): Classification {
  const { role, answers } = input;
  const states = evaluateBranching(questionnaire.questions, answers);
  const booleans = questionnaire.questions.filter((q) => q.kind === 'boolean');
  const byId = new Map(booleans.map((q) => [q.id, q]));
  const ask: Lookup = {
    yes: (id) => states.get(id)?.yes ?? false,
    article: (id) => byId.get(id)?.article ?? id,
    label: (id) => byId.get(id)?.label.en ?? id,
  };

  const outcome = ask.yes(AI_DEFINITION_ID) ? classifyInScope(ask) : notAnAiSystem(ask, answers);
  const { tier, derogation, reasons } = outcome;
  const inScope = tier !== 'out_of_scope';
  const transparency = inScope ? ART50_IDS.filter(ask.yes) : [];
  if (inScope && tier !== 'limited' && transparency.length > 0)
    reasons.push(
      `Transparency obligations also apply (${transparency.map(ask.article).join(', ')}): ${transparency.map(ask.label).join('; ')}.`,
    );
  const gpai = { model: ask.yes(GPAI_MODEL_ID), systemic_risk: ask.yes(GPAI_SYSTEMIC_RISK_ID) };
  if (gpai.model)
    reasons.push(
      gpai.systemic_risk
        ? 'A general-purpose AI model with systemic risk is involved (Arts. 51, 53 and 55); its duties are reported separately.'
        : 'A general-purpose AI model is involved (Art. 53); its duties are reported separately.',
    );
  reasons.push(...ignoredAnswers(booleans, answers, states));
  const assumedNo = booleans
    .filter((q) => states.get(q.id)?.applicable && answers[q.id] === undefined)
    .map((q) => q.id);
  if (assumedNo.length > 0)
    reasons.push(
      `${assumedNo.length} question(s) that apply were not answered and count as no (see assumed_no).`,
    );

  return {
    tier,
    articles: [...new Set(outcome.articles)],
    transparency,
    derogation,
    gpai,
    obligations: obligationsFor({
      tier,
      role,
      annex1: outcome.annex1,
      annex3: outcome.highAnnex3,
      derogated: derogation !== null,
      transparency,
      gpai,
    }),
    reasons,
    assumed_no: assumedNo,
    note: questionnaire.messages.benchmark_note.en,
    note_code: BENCHMARK_NOTE_CODE,
  };
}

/** Effective answers (applicable and yes), citations and English labels of the questions. */
interface Lookup {
  yes: (id: string) => boolean;
  article: (id: string) => string;
  label: (id: string) => string;
}

interface Outcome {
  tier: Tier;
  articles: string[];
  derogation: Derogation | null;
  /** High-risk through Annex I. */
  annex1: boolean;
  /** The Annex III points that make it high-risk (none when derogated, or when the tier is not high). */
  highAnnex3: string[];
  reasons: string[];
}

function notAnAiSystem(ask: Lookup, answers: Readonly<Record<string, boolean>>): Outcome {
  const article = ask.article(AI_DEFINITION_ID);
  const reason =
    answers[AI_DEFINITION_ID] === undefined
      ? `${article}: whether it is an AI system was not answered, so it counts as no; the Act does not apply to software that is not an AI system.`
      : `${article}: not an AI system, so the Act does not apply.`;
  return { ...NOTHING, tier: 'out_of_scope', articles: [article], reasons: [reason] };
}

const NOTHING = { derogation: null, annex1: false, highAnnex3: [] } as const satisfies Partial<Outcome>;

function classifyInScope(ask: Lookup): Outcome {
  const { yes, article, label } = ask;
  if (yes(SCOPE_EXCLUDED_ID))
    return {
      ...NOTHING,
      tier: 'out_of_scope',
      articles: ['Art. 2'],
      reasons: [
        `${article(SCOPE_EXCLUDED_ID)}: used only for military, defence or national-security purposes, scientific research, or personal non-professional use, which the Act excludes.`,
      ],
    };

  const art5 = ART5_IDS.filter(yes);
  if (art5.length > 0)
    return {
      ...NOTHING,
      tier: 'prohibited',
      articles: art5.map(article),
      reasons: art5.map((id) => `${article(id)}: ${label(id)} is a prohibited practice (Art. 5(1)).`),
    };

  const annex1 = yes(ANNEX1_ID);
  const annex3 = ANNEX3_IDS.filter(yes);
  const conditions = ART6_3_CONDITION_IDS.filter(yes);
  const derogates = annex3.length > 0 && conditions.length > 0 && !yes(PROFILING_ID);
  const highAnnex3 = derogates ? [] : annex3;
  if (annex1 || highAnnex3.length > 0) {
    const articles: string[] = [];
    const reasons: string[] = [];
    if (annex1) {
      articles.push('Art. 6(1)', 'Annex I');
      reasons.push(`Art. 6(1), Annex I: ${label(ANNEX1_ID)}, so the system is high-risk.`);
    }
    if (highAnnex3.length > 0) {
      articles.push('Art. 6(2)', ...highAnnex3.map(article));
      reasons.push(...highAnnex3.map((id) => `${article(id)}: ${label(id)} is a high-risk use (Art. 6(2)).`));
      if (conditions.length > 0) {
        articles.push(article(PROFILING_ID));
        reasons.push(
          `${conditions.map(article).join(', ')} would apply, but the system profiles natural persons, so it stays high-risk (${article(PROFILING_ID)}).`,
        );
      }
    } else if (derogates) {
      reasons.push(
        `The Art. 6(3) exception concerns Annex III only: it does not lift the Annex I classification (${annex3.map(article).join(', ')}).`,
      );
    }
    return { tier: 'high', articles, derogation: null, annex1, highAnnex3, reasons };
  }

  const art50 = ART50_IDS.filter(yes);
  const articles: string[] = [];
  const reasons: string[] = [];
  let derogation: Derogation | null = null;
  if (derogates) {
    derogation = derogationFor(annex3, conditions, article);
    articles.push(...derogation.articles, ...annex3.map(article));
    reasons.push(
      `${annex3.map(article).join(', ')} would make the system high-risk, but ${conditions.map(article).join(', ')} applies and it does not profile natural persons, so it is not high-risk (Art. 6(3)). ${derogation.justification}`,
    );
  }
  if (art50.length > 0) {
    articles.push(...art50.map(article));
    reasons.push(
      `Transparency obligations apply (${art50.map(article).join(', ')}): ${art50.map(label).join('; ')}.`,
    );
  } else {
    reasons.push(
      'No prohibited practice, high-risk classification or transparency case remains: minimal risk.',
    );
  }
  return { ...NOTHING, tier: art50.length > 0 ? 'limited' : 'minimal', articles, derogation, reasons };
}

function derogationFor(
  annex3: readonly string[],
  conditions: readonly string[],
  article: (id: string) => string,
): Derogation {
  return {
    conditions: [...conditions],
    articles: conditions.map(article),
    annex3_points: [...annex3],
    justification_required: true,
    justification:
      'A written justification is required: document why the system is not high-risk before it is placed on the market or put into service, and keep it available to the authorities (Art. 6(4)).',
  };
}

/** Answers to questions that do not apply are not used; say so rather than drop them silently. */
function ignoredAnswers(
  booleans: readonly Question[],
  answers: Readonly<Record<string, boolean>>,
  states: ReadonlyMap<string, QuestionState>,
): string[] {
  const ignored = booleans
    .filter((q) => answers[q.id] === true && !states.get(q.id)?.applicable)
    .map((q) => q.id);
  if (ignored.length === 0) return [];
  return [`Answers to questions that do not apply here were not used: ${ignored.join(', ')}.`];
}
