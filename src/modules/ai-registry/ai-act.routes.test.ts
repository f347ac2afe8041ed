import { afterAll, beforeAll, expect, it } from 'vitest';
import { ROLES } from '../../core/permissions.js';
import { describeEachDialect } from '../../db/testing/dialects.js';
import { createTestApp, type TestApp, type TestClient } from '../../http/testing/test-app.js';
import { loadAiActQuestionnaire } from './ai-act.data.js';
import { QUESTION_IDS } from './ai-act.ids.js';

const ISSUE_EXAMPLE = {
  role: 'deployer',
  answers: { 'ai.definition': true, 'annex3.7b': true, 'art50.1': true },
};

describeEachDialect('EU AI Act classification over HTTP', ({ db }) => {
  let t: TestApp;
  let viewer: TestClient;

  beforeAll(async () => {
    t = await createTestApp(db());
    viewer = await t.signIn('viewer');
  });
  afterAll(async () => {
    await t.app.close();
  });

  it('lists the questions with their stable ids in the language asked', async () => {
    const fr = await viewer.request({ method: 'GET', url: '/api/ai-act/questions?lang=fr' });
    expect(fr.statusCode, fr.body).toBe(200);
    const body = fr.json();
    expect(body.lang).toBe('fr');
    expect(body.questions.map((q: { id: string }) => q.id)).toEqual([...QUESTION_IDS]);
    const definition = body.questions.find((q: { id: string }) => q.id === 'ai.definition');
    expect(definition.text).toBe(loadAiActQuestionnaire().questions[1]?.text.fr);
    expect(definition).toMatchObject({ article: 'Art. 3(1)', shown_when: null, kind: 'boolean' });
    expect(body.note).toMatch(/référence/);
    expect(body.note_code).toBe('ai_act.benchmark_note');

    const byDefault = await viewer.request({ method: 'GET', url: '/api/ai-act/questions' });
    expect(byDefault.json().lang).toBe('en');
    const scope = byDefault.json().questions.find((q: { id: string }) => q.id === 'scope.excluded');
    expect(scope.shown_when).toEqual({ yes_to: 'ai.definition' });
  });

  it('refuses an unknown language with 400', async () => {
    const res = await viewer.request({ method: 'GET', url: '/api/ai-act/questions?lang=de' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
  });

  it('classifies the issue example for any signed-in role', async () => {
    for (const role of ROLES) {
      const client = role === 'viewer' ? viewer : await t.signIn(role);
      const res = await client.request({
        method: 'POST',
        url: '/api/ai-act/classify',
        payload: ISSUE_EXAMPLE,
      });
      expect(res.statusCode, `${role}: ${res.body}`).toBe(200);
      expect(res.json()).toMatchObject({
        tier: 'high',
        articles: ['Art. 6(2)', 'Annex III 7(b)'],
        transparency: ['art50.1'],
        derogation: null,
        gpai: { model: false, systemic_risk: false },
        obligations: expect.arrayContaining([expect.stringMatching(/\(Art\. 26\(1\)\)/)]),
        note_code: 'ai_act.benchmark_note',
      });
      expect(res.json().assumed_no).toContain('annex3.7a');
    }
  });

  it('refuses unknown question ids with 400 naming every one of them', async () => {
    const res = await viewer.request({
      method: 'POST',
      url: '/api/ai-act/classify',
      payload: { role: 'deployer', answers: { 'ai.definition': true, 'annex3.9z': true, 'art5.z': true } },
    });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('validation_failed');
    expect(error.message).toMatch(/unknown question id\(s\): annex3\.9z, art5\.z/);
  });

  it.each([
    ['a string answer', { role: 'deployer', answers: { 'ai.definition': 'yes' } }, /answers.*true or false/],
    ['a null answer', { role: 'deployer', answers: { 'art50.1': null } }, /answers.*true or false/],
    ['a missing role', { answers: { 'ai.definition': true } }, /role/],
    ['an unknown role', { role: 'owner', answers: {} }, /role/],
    ['the role inside the answers', { role: 'deployer', answers: { role: 'deployer' } }, /role/],
    ['an unknown field', { role: 'deployer', answers: {}, tier: 'minimal' }, /tier/],
  ])('refuses %s with 400', async (_name, payload, message) => {
    const res = await viewer.request({ method: 'POST', url: '/api/ai-act/classify', payload });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    expect(JSON.stringify(res.json().error)).toMatch(message);
  });

  it('suggests answers, flagged as suggestions to confirm', async () => {
    const res = await viewer.request({
      method: 'POST',
      url: '/api/ai-act/suggest',
      payload: { description: 'Chatbot that helps with CV screening' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      kind: 'suggestions',
      confirmation_required: true,
      suggestions: [
        { question_id: 'annex3.4a', value: true, because: 'matched "CV screening"' },
        { question_id: 'art50.1', value: true, because: 'matched "Chatbot"' },
      ],
    });
    const empty = await viewer.request({
      method: 'POST',
      url: '/api/ai-act/suggest',
      payload: { description: ' ' },
    });
    expect(empty.statusCode).toBe(400);
  });

  it('answers 401 to anonymous callers', async () => {
    const questions = await t.app.inject({ method: 'GET', url: '/api/ai-act/questions' });
    expect(questions.statusCode).toBe(401);
    const classify = await t.app.inject({
      method: 'POST',
      url: '/api/ai-act/classify',
      payload: ISSUE_EXAMPLE,
    });
    expect(classify.statusCode).toBe(401);
    const suggest = await t.app.inject({
      method: 'POST',
      url: '/api/ai-act/suggest',
      payload: { description: 'chatbot' },
    });
    expect(suggest.statusCode).toBe(401);
  });

  it('documents the three routes in the OpenAPI description', async () => {
    const res = await viewer.request({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    expect(paths).toEqual(
      expect.arrayContaining(['/api/ai-act/questions', '/api/ai-act/classify', '/api/ai-act/suggest']),
    );
  });
});
