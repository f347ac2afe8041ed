import { describe, expect, it } from 'vitest';
import { loadAiActQuestionnaire } from './ai-act.data.js';
import {
  AI_ACT_ROLES,
  ANNEX3_IDS,
  ART5_IDS,
  ART50_IDS,
  ART6_3_CONDITION_IDS,
  type AiActRole,
} from './ai-act.ids.js';
import { classificationSchema, type Classification } from './ai-act.schema.js';
import { classify } from './eu-ai-act.js';

const questionnaire = loadAiActQuestionnaire();
const AI = { 'ai.definition': true } as const;

function run(answers: Record<string, boolean>, role: AiActRole = 'deployer'): Classification {
  return classify({ role, answers }, questionnaire);
}

/** "art5.c" → "Art. 5(1)(c)", written out independently of the data file. */
const art5Article = (id: string) => `Art. 5(1)(${id.slice('art5.'.length)})`;
/** "annex3.7b" → "Annex III 7(b)", "annex3.2" → "Annex III 2". */
const annex3Article = (id: string) => {
  const [, area, point] = /^annex3\.(\d)([a-e]?)$/.exec(id) ?? [];
  return point ? `Annex III ${area}(${point})` : `Annex III ${area}`;
};
/** "art6_3.b" → "Art. 6(3)(b)". */
const art63Article = (id: string) => `Art. 6(3)(${id.slice('art6_3.'.length)})`;
/** "art50.2" → "Art. 50(2)". */
const art50Article = (id: string) => `Art. 50(${id.slice('art50.'.length)})`;

const IN_SCOPE_QUESTIONS = [
  'scope.excluded',
  ...ART5_IDS,
  'annex1.safety_component',
  ...ANNEX3_IDS,
  ...ART50_IDS,
  'gpai.model',
];

describe('EU AI Act classification: out of scope', () => {
  it('a system that is not an AI system is out of scope, whatever else is answered', () => {
    const everything = Object.fromEntries(
      [...ART5_IDS, ...ANNEX3_IDS, ...ART50_IDS, 'annex1.safety_component', 'gpai.model'].map((id) => [
        id,
        true,
      ]),
    );
    const result = run({ 'ai.definition': false, ...everything });
    expect(result.tier).toBe('out_of_scope');
    expect(result.articles).toEqual(['Art. 3(1)']);
    expect(result.transparency).toEqual([]);
    expect(result.gpai).toEqual({ model: false, systemic_risk: false });
    expect(result.derogation).toBeNull();
    expect(result.assumed_no).toEqual([]);
    expect(result.reasons.join(' ')).toMatch(/were not used: art5\.a, art5\.b/);
  });

  it('an unanswered "is it an AI system?" counts as no and is listed', () => {
    const result = run({});
    expect(result.tier).toBe('out_of_scope');
    expect(result.assumed_no).toEqual(['ai.definition']);
    expect(result.reasons[0]).toMatch(/not answered, so it counts as no/);
  });

  it.each(ART5_IDS)('an excluded system is out of scope even with %s answered yes', (id) => {
    const result = run({ ...AI, 'scope.excluded': true, [id]: true, 'art50.1': true });
    expect(result.tier).toBe('out_of_scope');
    expect(result.articles).toEqual(['Art. 2']);
    expect(result.transparency).toEqual([]);
    expect(result.assumed_no).toEqual([]);
    expect(result.obligations).toEqual([expect.stringMatching(/^No obligations under the Act/)]);
  });
});

describe('EU AI Act classification: prohibited practices (Art. 5)', () => {
  it.each(ART5_IDS)('%s alone is prohibited under its own article', (id) => {
    const result = run({ ...AI, [id]: true });
    expect(result.tier).toBe('prohibited');
    expect(result.articles).toEqual([art5Article(id)]);
    expect(result.reasons[0]).toMatch(new RegExp(`^${escape(art5Article(id))}: .+ is a prohibited practice`));
    expect(result.obligations[0]).toMatch(
      /Do not place on the market, put into service or use .*\(Art\. 5\)/,
    );
  });

  it('a prohibited practice wins over a high-risk use, and transparency is still listed', () => {
    const result = run({ ...AI, 'art5.f': true, 'annex3.4b': true, 'art50.3': true });
    expect(result.tier).toBe('prohibited');
    expect(result.articles).toEqual(['Art. 5(1)(f)']);
    expect(result.transparency).toEqual(['art50.3']);
  });

  it('several practices are all cited, in order', () => {
    expect(run({ ...AI, 'art5.h': true, 'art5.a': true }).articles).toEqual(['Art. 5(1)(a)', 'Art. 5(1)(h)']);
  });
});

describe('EU AI Act classification: high risk', () => {
  it('an Annex I safety component is high-risk under Art. 6(1)', () => {
    const result = run({ ...AI, 'annex1.safety_component': true }, 'provider');
    expect(result.tier).toBe('high');
    expect(result.articles).toEqual(['Art. 6(1)', 'Annex I']);
    expect(result.obligations.join('\n')).toMatch(/Art\. 43\(3\)/);
  });

  it.each(ANNEX3_IDS)('%s alone is high-risk under Art. 6(2) and its Annex III point', (id) => {
    const result = run({ ...AI, [id]: true });
    expect(result.tier).toBe('high');
    expect(result.articles).toEqual(['Art. 6(2)', annex3Article(id)]);
    expect(result.derogation).toBeNull();
    expect(result.assumed_no).toEqual(expect.arrayContaining([...ART6_3_CONDITION_IDS]));
    expect(result.assumed_no).not.toContain('art6_3.profiling');
  });

  it('the issue example: a deployer of an Annex III 7(b) system with a chatbot', () => {
    const result = run({ ...AI, 'annex3.7b': true, 'art50.1': true });
    expect(result).toMatchObject({
      tier: 'high',
      articles: ['Art. 6(2)', 'Annex III 7(b)'],
      transparency: ['art50.1'],
      derogation: null,
      gpai: { model: false, systemic_risk: false },
    });
  });

  it('Art. 6(3) does not lift an Annex I classification', () => {
    const result = run({ ...AI, 'annex1.safety_component': true, 'annex3.5d': true, 'art6_3.a': true });
    expect(result.tier).toBe('high');
    expect(result.articles).toEqual(['Art. 6(1)', 'Annex I']);
    expect(result.derogation).toBeNull();
    expect(result.reasons.join(' ')).toMatch(/does not lift the Annex I classification/);
  });
});

describe('EU AI Act classification: the Art. 6(3) derogation', () => {
  const cases = ART6_3_CONDITION_IDS.flatMap((condition) => [
    { condition, art50: false, tier: 'minimal' },
    { condition, art50: true, tier: 'limited' },
  ]);

  it.each(cases)(
    '$condition without profiling (Art. 50: $art50) is not high-risk but $tier, and asks for a written justification',
    ({ condition, art50, tier }) => {
      const result = run({
        ...AI,
        'annex3.4a': true,
        [condition]: true,
        ...(art50 ? { 'art50.1': true } : {}),
      });
      expect(result.tier).toBe(tier);
      expect(result.derogation).toEqual({
        conditions: [condition],
        articles: [art63Article(condition)],
        annex3_points: ['annex3.4a'],
        justification_required: true,
        justification: expect.stringMatching(/written justification is required.*Art\. 6\(4\)/),
      });
      expect(result.articles).toEqual([
        art63Article(condition),
        'Annex III 4(a)',
        ...(art50 ? ['Art. 50(1)'] : []),
      ]);
      expect(result.transparency).toEqual(art50 ? ['art50.1'] : []);
      // Profiling was applicable and not answered: it counts as no, and is listed.
      expect(result.assumed_no).toContain('art6_3.profiling');
    },
  );

  it.each(ART6_3_CONDITION_IDS)('%s with profiling stays high-risk', (condition) => {
    const result = run({ ...AI, 'annex3.5a': true, [condition]: true, 'art6_3.profiling': true });
    expect(result.tier).toBe('high');
    expect(result.derogation).toBeNull();
    expect(result.articles).toEqual(['Art. 6(2)', 'Annex III 5(a)', 'Art. 6(3), last subparagraph']);
    expect(result.reasons.join(' ')).toMatch(/profiles natural persons, so it stays high-risk/);
  });

  it('a profiling answer without any Art. 6(3) condition changes nothing and is reported as unused', () => {
    const result = run({ ...AI, 'annex3.5a': true, 'art6_3.profiling': true });
    expect(result.tier).toBe('high');
    expect(result.articles).toEqual(['Art. 6(2)', 'Annex III 5(a)']);
    expect(result.reasons.join(' ')).toMatch(/were not used: art6_3\.profiling/);
  });

  it('records every condition and every Annex III point it lifts', () => {
    const result = run({
      ...AI,
      'annex3.4a': true,
      'annex3.7c': true,
      'art6_3.a': true,
      'art6_3.d': true,
      'art6_3.profiling': false,
    });
    expect(result.tier).toBe('minimal');
    expect(result.derogation).toMatchObject({
      conditions: ['art6_3.a', 'art6_3.d'],
      annex3_points: ['annex3.4a', 'annex3.7c'],
    });
    expect(result.assumed_no).not.toContain('art6_3.profiling');
  });

  it('the provider must document the assessment and register it; a deployer keeps the provider’s', () => {
    const answers = { ...AI, 'annex3.3b': true, 'art6_3.b': true };
    expect(run(answers, 'provider').obligations.join('\n')).toMatch(/Art\. 6\(4\)[\s\S]*Art\. 49\(2\)/);
    expect(run(answers, 'deployer').obligations.join('\n')).toMatch(/Keep the provider's written assessment/);
  });
});

describe('EU AI Act classification: transparency (Art. 50)', () => {
  it.each(ART50_IDS)('%s alone is limited risk under its article', (id) => {
    const result = run({ ...AI, [id]: true });
    expect(result.tier).toBe('limited');
    expect(result.articles).toEqual([art50Article(id)]);
    expect(result.transparency).toEqual([id]);
  });

  it.each(ART50_IDS)('%s with a high-risk use is high, with the transparency duty listed beside it', (id) => {
    const result = run({ ...AI, 'annex3.1a': true, [id]: true });
    expect(result.tier).toBe('high');
    expect(result.articles).toEqual(['Art. 6(2)', 'Annex III 1(a)']);
    expect(result.transparency).toEqual([id]);
    expect(result.obligations.join('\n')).toContain(art50Article(id));
  });

  it('duties fall on the role the article names: Art. 50(3) on deployers, Art. 50(1) on providers', () => {
    const answers = { ...AI, 'art50.1': true, 'art50.3': true };
    const deployer = run(answers, 'deployer').obligations.join('\n');
    const provider = run(answers, 'provider').obligations.join('\n');
    expect(deployer).toMatch(/Inform the people exposed .*\(Art\. 50\(3\)\)/);
    expect(deployer).toMatch(/a provider duty under Art\. 50\(1\)/);
    expect(provider).toMatch(/Design the system so that people are told .*\(Art\. 50\(1\)\)/);
    expect(provider).toMatch(/their duty under Art\. 50\(3\)/);
  });
});

describe('EU AI Act classification: minimal risk and obligations by role', () => {
  it('an AI system with nothing else is minimal risk with AI literacy and voluntary codes', () => {
    const result = run({ ...AI });
    expect(result.tier).toBe('minimal');
    expect(result.articles).toEqual([]);
    expect(result.obligations).toEqual([
      expect.stringMatching(/voluntary codes of conduct .*\(Art\. 95\)/),
      expect.stringMatching(/^AI literacy: .*\(Art\. 4\)/),
    ]);
  });

  it.each(AI_ACT_ROLES)('every in-scope result asks %s for AI literacy (Art. 4)', (role) => {
    for (const answers of [
      { ...AI },
      { ...AI, 'art50.2': true },
      { ...AI, 'annex3.2': true },
      { ...AI, 'art5.e': true },
    ])
      expect(run(answers, role).obligations.at(-1)).toMatch(/\(Art\. 4\)\.$/);
  });

  const highRisk = { ...AI, 'annex3.5a': true };
  it.each([
    [
      'provider',
      [
        'Art. 9)',
        'Art. 10)',
        'Art. 11,',
        'Art. 12)',
        'Art. 13)',
        'Art. 14)',
        'Art. 15)',
        'Art. 17)',
        'Art. 43)',
        'Art. 49(1)',
        'Art. 72)',
      ],
    ],
    ['deployer', ['Art. 26(1)', 'Art. 26(2)', 'Art. 26(6)', 'Art. 27)', 'Art. 86)', 'Art. 25(1)']],
    ['importer', ['Art. 23(1)', 'Art. 23(2)', 'Art. 25(1)']],
    ['distributor', ['Art. 24(1)', 'Art. 25(1)']],
  ] as const)('a high-risk Annex III system gives the %s its duties', (role, articles) => {
    const text = run(highRisk, role).obligations.join('\n');
    for (const article of articles) expect(text).toContain(article);
  });

  it('deployers of critical-infrastructure systems (Annex III 2) need no fundamental rights impact assessment', () => {
    const text = run({ ...AI, 'annex3.2': true }).obligations.join('\n');
    expect(text).toContain('Art. 26(1)');
    expect(text).not.toContain('Art. 27');
    expect(text).not.toContain('Art. 86');
  });

  it('deployers of an Annex I system get Art. 26 but no Art. 27 assessment', () => {
    const text = run({ ...AI, 'annex1.safety_component': true }).obligations.join('\n');
    expect(text).toContain('Art. 26(1)');
    expect(text).not.toContain('Art. 27');
  });
});

describe('EU AI Act classification: general-purpose AI models', () => {
  it('reports the model separately and gives its provider the Art. 53 duties, without Art. 55', () => {
    const result = run({ ...AI, 'gpai.model': true }, 'provider');
    expect(result.tier).toBe('minimal');
    expect(result.gpai).toEqual({ model: true, systemic_risk: false });
    const text = result.obligations.join('\n');
    for (const point of ['53(1)(a)', '53(1)(b)', '53(1)(c)', '53(1)(d)'])
      expect(text).toContain(`Art. ${point}`);
    expect(text).not.toContain('Art. 55');
    expect(result.assumed_no).toContain('gpai.systemic_risk');
  });

  it('adds the Art. 52 and Art. 55 duties for a provider of a model with systemic risk', () => {
    const result = run({ ...AI, 'gpai.model': true, 'gpai.systemic_risk': true }, 'provider');
    expect(result.gpai).toEqual({ model: true, systemic_risk: true });
    const text = result.obligations.join('\n');
    expect(text).toContain('Art. 52(1)');
    for (const point of ['a', 'b', 'c', 'd']) expect(text).toContain(`Art. 55(1)(${point})`);
  });

  it.each(['deployer', 'importer', 'distributor'] as const)(
    'a %s records the upstream model and its provider instead of the provider duties',
    (role) => {
      const result = run({ ...AI, 'gpai.model': true, 'gpai.systemic_risk': true }, role);
      expect(result.gpai).toEqual({ model: true, systemic_risk: true });
      const text = result.obligations.join('\n');
      expect(text).toMatch(/Record the general-purpose AI model the system uses and its provider/);
      expect(text).not.toContain('Art. 53(1)(a)');
      expect(text).toMatch(/check that its provider meets the duties of Art\. 55/);
    },
  );

  it('systemic risk without a general-purpose model does not apply', () => {
    const result = run({ ...AI, 'gpai.systemic_risk': true }, 'provider');
    expect(result.gpai).toEqual({ model: false, systemic_risk: false });
    expect(result.reasons.join(' ')).toMatch(/were not used: gpai\.systemic_risk/);
  });

  it('a general-purpose model does not change the tier', () => {
    expect(run({ ...AI, 'annex3.8b': true, 'gpai.model': true }).tier).toBe('high');
    expect(run({ ...AI, 'art50.2': true, 'gpai.model': true }).tier).toBe('limited');
  });
});

describe('EU AI Act classification: assumed_no and the result shape', () => {
  it('lists exactly the applicable unanswered questions of an in-scope AI system', () => {
    expect(run({ ...AI }).assumed_no).toEqual(IN_SCOPE_QUESTIONS);
  });

  it('answered questions, yes or no, are not assumed', () => {
    const answers = Object.fromEntries(IN_SCOPE_QUESTIONS.map((id) => [id, false]));
    expect(run({ ...AI, ...answers }).assumed_no).toEqual([]);
  });

  it('an Annex III yes opens exactly the four Art. 6(3) conditions, and a condition opens profiling', () => {
    const answered = Object.fromEntries(IN_SCOPE_QUESTIONS.map((id) => [id, false]));
    expect(run({ ...AI, ...answered, 'annex3.6e': true }).assumed_no).toEqual([...ART6_3_CONDITION_IDS]);
    expect(run({ ...AI, ...answered, 'annex3.6e': true, 'art6_3.c': true }).assumed_no).toEqual([
      'art6_3.a',
      'art6_3.b',
      'art6_3.d',
      'art6_3.profiling',
    ]);
    expect(run({ ...AI, ...answered, 'gpai.model': true }).assumed_no).toEqual(['gpai.systemic_risk']);
  });

  it('returns exactly the documented fields, and says plainly the Act is a benchmark', () => {
    const result = run({ ...AI, 'annex3.7b': true });
    expect(Object.keys(result)).toEqual([
      'tier',
      'articles',
      'transparency',
      'derogation',
      'gpai',
      'obligations',
      'reasons',
      'assumed_no',
      'note',
      'note_code',
    ]);
    expect(classificationSchema.parse(result)).toEqual(result);
    expect(result.note).toMatch(/benchmark/);
    expect(result.note).toMatch(/may not be bound by the Act directly/);
    expect(result.note_code).toBe('ai_act.benchmark_note');
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
