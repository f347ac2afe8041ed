import type { AiActLang } from './ai-act.ids.js';

/*
 * Keywords that suggest answers to the EU AI Act questionnaire, in English, French and Spanish
 * (used by eu-ai-act.suggest.ts). Keywords match whole words, ignoring case and accents; a `*` at the
 * end of a word matches any word ending ("recruit*" → recruiting, recruitment); a keyword written in
 * capitals (an acronym such as "LLM") matches only in capitals, so that "ai" in French "j'ai" is not
 * taken for "AI". A rule suggests its question ids when every one of its keyword groups matches.
 */

export type Keywords = Readonly<Record<AiActLang, readonly string[]>>;

export interface SuggestionRule {
  ids: readonly string[];
  /** Every group must match somewhere in the description. */
  groups: readonly Keywords[];
}

/* Keyword groups that several rules share (eu-ai-act.keywords.ts, eu-ai-act.keywords.annex3.ts). */

export const FACE: Keywords = {
  en: ['face*', 'facial'],
  fr: ['visage*', 'facial*', 'faciale*'],
  es: ['rostro*', 'cara', 'caras', 'facial*'],
};

export const BIOMETRIC_MEDIA: Keywords = {
  en: ['face*', 'facial', 'photo*', 'voice*', 'biometric*', 'image*'],
  fr: ['visage*', 'facial*', 'faciale*', 'photo*', 'voix', 'biométrique*', 'image*'],
  es: ['rostro*', 'facial*', 'foto*', 'voz', 'voces', 'biométric*', 'imagen', 'imágenes'],
};

export const EMOTION: Keywords = {
  en: [
    'emotion recognition',
    'emotion detection',
    'emotion analysis',
    'detect* emotion*',
    'infer* emotion*',
    'recogni* emotion*',
    'emotional state*',
    'mood detection',
  ],
  fr: [
    'reconnaissance des émotions',
    'détection des émotions',
    'analyse des émotions',
    'détecte* les émotions',
    'état* émotionnel*',
  ],
  es: [
    'reconocimiento de emociones',
    'detección de emociones',
    'análisis de emociones',
    'detecta* las emociones',
    'detecta* emociones',
    'estado* emocional*',
  ],
};

export const WORK_OR_EDUCATION: Keywords = {
  en: ['staff', 'employee*', 'worker*', 'workplace*', 'student*', 'pupil*', 'classroom*', 'school*'],
  fr: [
    'personnel',
    'salarié*',
    'employé*',
    'travailleu*',
    'lieu de travail',
    'élève*',
    'étudiant*',
    'école*',
  ],
  es: [
    'el personal',
    'del personal',
    'al personal',
    'emplead*',
    'trabajador*',
    'lugar de trabajo',
    'alumn*',
    'estudiante*',
    'escuela*',
    'aula*',
  ],
};

export const LIE_DETECTION: Keywords = {
  en: ['lie detect*', 'deception detection', 'detect* deception', 'polygraph*'],
  fr: ['détecteur* de mensonge*', 'détection du mensonge', 'détection des mensonges', 'polygraphe*'],
  es: ['detector* de mentiras', 'detección de mentiras', 'detección del engaño', 'polígrafo*'],
};

export const MIGRATION_CONTEXT: Keywords = {
  en: ['asylum', 'migra*', 'immigration', 'border*', 'refugee*', 'visa', 'visas'],
  fr: ['asile', 'migra*', 'immigration', 'frontière*', 'réfugié*', 'visa', 'visas'],
  es: ['asilo', 'migra*', 'inmigración', 'frontera*', 'fronteriz*', 'refugiad*', 'visado*'],
};

export const POLICE_CONTEXT: Keywords = {
  en: ['police', 'law enforcement', 'criminal*', 'crime*', 'suspect*'],
  fr: ['police', 'répressi*', 'pénal*', 'criminel*', 'suspect*', 'infraction*'],
  es: ['policía*', 'policial*', 'penal*', 'delito*', 'sospechos*', 'criminal*'],
};
