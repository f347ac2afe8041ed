import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { evaluateBranching } from './ai-act.branching.js';
import { loadAiActQuestionnaire, parseQuestionnaire, questionsFilePath } from './ai-act.data.js';
import { AI_ACT_LANGS, QUESTION_IDS } from './ai-act.ids.js';

const questionnaire = loadAiActQuestionnaire();
const byId = new Map(questionnaire.questions.map((q) => [q.id, q]));

/** The ids exactly as issue 5 lists them: the public contract, written out by hand. */
const ISSUE_IDS = [
  'role',
  'ai.definition',
  'scope.excluded',
  ...['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((l) => `art5.${l}`),
  'annex1.safety_component',
  ...'1a 1b 1c 2 3a 3b 3c 3d 4a 4b 5a 5b 5c 5d 6a 6b 6c 6d 6e 7a 7b 7c 7d 8a 8b'
    .split(' ')
    .map((p) => `annex3.${p}`),
  ...['a', 'b', 'c', 'd'].map((l) => `art6_3.${l}`),
  'art6_3.profiling',
  ...['1', '2', '3', '4'].map((n) => `art50.${n}`),
  'gpai.model',
  'gpai.systemic_risk',
];

describe('the EU AI Act questionnaire data file', () => {
  it('is found beside the sources', () => {
    expect(questionsFilePath()).toMatch(/data[/\\]ai-act[/\\]questions\.yaml$/);
  });

  it('holds exactly the ids of the issue, in the code’s order', () => {
    expect(ISSUE_IDS).toHaveLength(48);
    expect(questionnaire.questions.map((q) => q.id)).toEqual(ISSUE_IDS);
    expect([...QUESTION_IDS]).toEqual(ISSUE_IDS);
  });

  it.each(ISSUE_IDS)('%s has its label, text, help and example in English, French and Spanish', (id) => {
    const question = byId.get(id);
    expect(question, id).toBeDefined();
    for (const field of ['label', 'text', 'help', 'example'] as const) {
      for (const lang of AI_ACT_LANGS)
        expect(question?.[field][lang].trim().length, `${field}.${lang}`).toBeGreaterThan(0);
      // A French or Spanish text identical to the English one was not translated.
      expect(question?.[field].fr, `${field}.fr`).not.toBe(question?.[field].en);
      expect(question?.[field].es, `${field}.es`).not.toBe(question?.[field].en);
    }
    expect(question?.article.length).toBeGreaterThan(0);
  });

  it('cites each article as the Act numbers it', () => {
    const articles = Object.fromEntries(questionnaire.questions.map((q) => [q.id, q.article]));
    expect(articles).toMatchObject({
      'ai.definition': 'Art. 3(1)',
      'art5.a': 'Art. 5(1)(a)',
      'art5.h': 'Art. 5(1)(h)',
      'annex1.safety_component': 'Art. 6(1), Annex I',
      'annex3.1a': 'Annex III 1(a)',
      'annex3.2': 'Annex III 2',
      'annex3.7b': 'Annex III 7(b)',
      'annex3.8b': 'Annex III 8(b)',
      'art6_3.a': 'Art. 6(3)(a)',
      'art6_3.profiling': 'Art. 6(3), last subparagraph',
      'art50.4': 'Art. 50(4)',
    });
  });

  it('offers the four roles, translated', () => {
    const role = byId.get('role');
    expect(role?.kind).toBe('choice');
    expect(role?.options?.map((o) => o.value)).toEqual(['provider', 'deployer', 'importer', 'distributor']);
    expect(role?.options?.find((o) => o.value === 'deployer')?.label.fr).toBe('Déployeur (utilisateur)');
  });

  it('titles every section in the three languages and files every question under one', () => {
    const sections = new Set(questionnaire.sections.map((s) => s.id));
    for (const question of questionnaire.questions)
      expect(sections.has(question.section), question.id).toBe(true);
    for (const section of questionnaire.sections)
      for (const lang of AI_ACT_LANGS) expect(section.title[lang].length).toBeGreaterThan(0);
  });

  it('cites its source and keeps the application dates as data', () => {
    expect(questionnaire.source.short).toBe('Regulation (EU) 2024/1689');
    expect(questionnaire.source.url).toMatch(/^https:\/\/eur-lex\.europa\.eu\//);
    const dates = Object.fromEntries(questionnaire.application_dates.map((d) => [d.id, d.date]));
    expect(dates).toMatchObject({
      entry_into_force: '2024-08-01',
      prohibitions_and_ai_literacy: '2025-02-02',
      general_application: '2026-08-02',
    });
    const amendments = new Set(questionnaire.amendments.map((a) => a.id));
    for (const date of questionnaire.application_dates)
      if (date.amended) expect(amendments.has(date.amended.by), date.id).toBe(true);
  });

  it('says in every language that the Act is a benchmark the organisation may not be bound by', () => {
    expect(questionnaire.messages.benchmark_note.en).toMatch(/benchmark.*may not be bound/s);
    expect(questionnaire.messages.benchmark_note.fr).toMatch(/référence.*pas forcément/s);
    expect(questionnaire.messages.benchmark_note.es).toMatch(/referencia.*no la\s+obligue/s);
  });
});

describe('the questionnaire branching (shown_when)', () => {
  const applicable = (answers: Record<string, boolean>) =>
    [...evaluateBranching(questionnaire.questions, answers)]
      .filter(([, s]) => s.applicable)
      .map(([id]) => id);
  const inScopeIds = ISSUE_IDS.filter(
    (id) => /^(art5\.|annex1\.|annex3\.|art50\.)/.test(id) || id === 'gpai.model',
  );

  it('asks only "is it an AI system?" until it is answered yes', () => {
    expect(applicable({})).toEqual(['ai.definition']);
    expect(applicable({ 'ai.definition': false })).toEqual(['ai.definition']);
  });

  it('then the scope, and Art. 5, Annex I/III, Art. 50 and the model question only in scope', () => {
    expect(applicable({ 'ai.definition': true })).toEqual(['ai.definition', 'scope.excluded', ...inScopeIds]);
    expect(applicable({ 'ai.definition': true, 'scope.excluded': true })).toEqual([
      'ai.definition',
      'scope.excluded',
    ]);
  });

  it.each(ISSUE_IDS.filter((id) => id.startsWith('annex3.')))(
    'opens the Art. 6(3) conditions, and not profiling, when %s is yes',
    (id) => {
      const open = applicable({ 'ai.definition': true, [id]: true });
      expect(open).toEqual(expect.arrayContaining(['art6_3.a', 'art6_3.b', 'art6_3.c', 'art6_3.d']));
      expect(open).not.toContain('art6_3.profiling');
    },
  );

  it.each(['art6_3.a', 'art6_3.b', 'art6_3.c', 'art6_3.d'])(
    'asks about profiling once %s applies to an Annex III system',
    (id) => {
      expect(applicable({ 'ai.definition': true, 'annex3.3a': true, [id]: true })).toContain(
        'art6_3.profiling',
      );
      expect(applicable({ 'ai.definition': true, [id]: true })).not.toContain('art6_3.profiling');
    },
  );

  it('asks about systemic risk only for a general-purpose model', () => {
    expect(applicable({ 'ai.definition': true })).not.toContain('gpai.systemic_risk');
    expect(applicable({ 'ai.definition': true, 'gpai.model': true })).toContain('gpai.systemic_risk');
  });
});

/** Just enough of the raw YAML tree for the tests to break it. */
interface RawFile {
  questions: { id: string; help: Record<string, string>; shown_when?: unknown; options?: unknown[] }[];
  application_dates: { date: string }[];
}

describe('loading the questionnaire refuses a broken file', () => {
  const source = fs.readFileSync(questionsFilePath(), 'utf8');
  const question = (data: RawFile, id: string) => {
    const found = data.questions.find((q) => q.id === id);
    if (!found) throw new Error(`no question ${id} in the shipped file`);
    return found;
  };
  const edited = (change: (data: RawFile) => void) => {
    const data = parse(source) as RawFile;
    change(data);
    return () => parseQuestionnaire(stringify(data), 'test.yaml');
  };

  it('accepts the shipped file', () => {
    expect(parseQuestionnaire(source).questions).toHaveLength(48);
  });

  it.each<[string, (data: RawFile) => void, RegExp]>([
    [
      'a missing question id',
      (d) => (d.questions = d.questions.filter((q) => q.id !== 'annex3.7d')),
      /missing question id\(s\): annex3\.7d/,
    ],
    [
      'an id outside the contract',
      (d) => (question(d, 'art5.h').id = 'art5.i'),
      /unknown question id\(s\): art5\.i/,
    ],
    ['an empty Spanish text', (d) => (question(d, 'art50.2').help.es = ' '), /questions\.\d+\.help\.es/],
    [
      'a condition on a later question',
      (d) => (question(d, 'art5.a').shown_when = { yes_to: 'gpai.model' }),
      /art5\.a: shown_when names "gpai\.model", which is not a yes\/no question before it/,
    ],
    [
      'an undefined shared condition',
      (d) => (question(d, 'art5.a').shown_when = { ref: 'nowhere' }),
      /condition "nowhere" is not defined/,
    ],
    [
      'a role without its four options',
      (d) => question(d, 'role').options?.pop(),
      /role: must be a choice with the options provider, deployer, importer, distributor/,
    ],
    [
      'a malformed date',
      (d) => (d.application_dates[0] = { ...d.application_dates[0], date: '1 August 2024' }),
      /application_dates\.0\.date/,
    ],
  ])('refuses %s', (_name, change, message) => {
    expect(edited(change)).toThrow(message);
  });

  it('refuses text that is not YAML', () => {
    expect(() => parseQuestionnaire('questions: [unclosed', 'test.yaml')).toThrow(
      /test\.yaml: not valid YAML/,
    );
  });
});
