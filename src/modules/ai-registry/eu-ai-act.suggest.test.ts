import { describe, expect, it } from 'vitest';
import { isBooleanQuestionId, type AiActLang } from './ai-act.ids.js';
import { SUGGESTION_RULES } from './eu-ai-act.keywords.js';
import { suggestAnswers } from './eu-ai-act.suggest.js';

const ids = (description: string, lang?: AiActLang) =>
  suggestAnswers(description, lang).suggestions.map((s) => s.question_id);

describe('suggested answers from a description', () => {
  it.each<[string, AiActLang, string, string]>([
    ['en', 'en', 'A chatbot answers questions from people seeking assistance', 'art50.1'],
    ['fr', 'fr', 'Un agent conversationnel répond aux questions des bénéficiaires', 'art50.1'],
    ['es', 'es', 'Un asistente virtual responde a las preguntas de la población', 'art50.1'],
    ['en', 'en', 'CV screening for field positions', 'annex3.4a'],
    ['fr', 'fr', 'Outil de tri des CV pour le recrutement', 'annex3.4a'],
    ['es', 'es', 'Cribado de currículos para la selección de personal', 'annex3.4a'],
    ['en', 'en', 'Face matching against registration photos', 'annex3.1a'],
    ['fr', 'fr', 'Identification biométrique des personnes enregistrées', 'annex3.1a'],
    ['es', 'es', 'Reconocimiento facial en los puntos de distribución', 'annex3.1a'],
    ['en', 'en', 'Scores households to decide eligibility for cash assistance', 'annex3.5a'],
    ['fr', 'fr', "Évalue l'éligibilité des ménages à l'aide en espèces", 'annex3.5a'],
    ['es', 'es', 'Evalúa la elegibilidad de los hogares para la asistencia', 'annex3.5a'],
    ['en', 'en', 'Summarises asylum and visa applications for caseworkers', 'annex3.7c'],
    ['fr', 'fr', "Aide à l'examen des demandes d'asile", 'annex3.7c'],
    ['es', 'es', 'Apoya el examen de solicitudes de asilo y visados', 'annex3.7c'],
    ['en', 'en', 'Creates deepfake videos for an awareness campaign', 'art50.4'],
    ['fr', 'fr', "Génération d'images pour les campagnes", 'art50.2'],
    ['es', 'es', 'Generación de imágenes sintéticas para campañas', 'art50.2'],
    ['en', 'en', 'Machine translation of field reports', 'art50.2'],
    ['fr', 'fr', 'Traduction automatique des rapports', 'art50.2'],
    ['es', 'es', 'Traducción automática de informes', 'art50.2'],
    ['en', 'en', 'Emotion recognition on hotline calls', 'annex3.1c'],
  ])('%s: suggests %s from "%s"', (_label, lang, description, expected) => {
    expect(ids(description, lang)).toContain(expected);
    expect(ids(description)).toContain(expected);
  });

  it('suggests the workplace emotion-recognition ban only with a work or education context', () => {
    expect(ids('Emotion recognition on hotline calls')).not.toContain('art5.f');
    expect(ids('Emotion recognition for staff in meetings')).toEqual(
      expect.arrayContaining(['art5.f', 'annex3.1c', 'art50.3']),
    );
    expect(ids('Reconnaissance des émotions des élèves en classe', 'fr')).toContain('art5.f');
    expect(ids('Detecta las emociones de los estudiantes', 'es')).toContain('art5.f');
  });

  it('flags every item as a suggestion to confirm and quotes the words it matched', () => {
    const result = suggestAnswers('Our Chatbot uses GPT-4 and sorts CV Screening results');
    expect(result).toMatchObject({
      kind: 'suggestions',
      confirmation_required: true,
      notice_code: 'ai_act.suggestions_notice',
    });
    expect(result.notice).toMatch(/a person must confirm/);
    expect(result.suggestions).toEqual([
      { question_id: 'annex3.4a', value: true, because: 'matched "CV Screening"' },
      { question_id: 'art50.1', value: true, because: 'matched "Chatbot"' },
      { question_id: 'gpai.model', value: true, because: 'matched "GPT"' },
    ]);
  });

  it('quotes accented words as written, and both words when a rule needs two', () => {
    const [suggestion] = suggestAnswers('Détection des émotions du personnel', 'fr').suggestions;
    expect(suggestion).toEqual({
      question_id: 'art5.f',
      value: true,
      because: 'matched "Détection des émotions" and "personnel"',
    });
  });

  it('matches whole words only, and acronyms only in capitals', () => {
    expect(ids("J'ai un tableur pour les paiements")).toEqual([]);
    expect(ids('The maid said hi')).toEqual([]);
    expect(ids('Uses AI to sort messages')).toContain('ai.definition');
    expect(ids('Utilise l’IA pour trier les messages', 'fr')).toContain('ai.definition');
    expect(ids('The visage of the building', 'en')).not.toContain('annex3.7c');
  });

  it('uses only the given language’s keywords when a language is given', () => {
    expect(ids('Un chatbot de recrutement', 'en')).toEqual(['art50.1']);
    expect(ids('Un chatbot de recrutement', 'fr')).toEqual(['annex3.4a', 'art50.1']);
  });

  it('suggests nothing when no keyword matches', () => {
    expect(suggestAnswers('A spreadsheet of office addresses').suggestions).toEqual([]);
  });

  it('only ever suggests question ids of the questionnaire', () => {
    for (const rule of SUGGESTION_RULES)
      for (const id of rule.ids) expect(isBooleanQuestionId(id), id).toBe(true);
  });
});
