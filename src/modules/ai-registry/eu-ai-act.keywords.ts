import {
  FACE,
  BIOMETRIC_MEDIA,
  EMOTION,
  WORK_OR_EDUCATION,
  type SuggestionRule,
} from './eu-ai-act.keyword-groups.js';
import { ANNEX_III_RULES } from './eu-ai-act.keywords.annex3.js';

/*
 * Keywords that suggest answers to the EU AI Act questionnaire, in English, French and Spanish
 * (used by eu-ai-act.suggest.ts). Keywords match whole words, ignoring case and accents; a `*` at the
 * end of a word matches any word ending ("recruit*" → recruiting, recruitment); a keyword written in
 * capitals (an acronym such as "LLM") matches only in capitals, so that "ai" in French "j'ai" is not
 * taken for "AI". A rule suggests its question ids when every one of its keyword groups matches.
 */

/** Every rule, in questionnaire order: the AI definition and GPAI, Article 5, Annex I, Annex III, Article 50. */
export const SUGGESTION_RULES: readonly SuggestionRule[] = [
  {
    ids: ['ai.definition'],
    groups: [
      {
        en: [
          'AI',
          'artificial intelligence',
          'machine learning',
          'deep learning',
          'neural network*',
          'large language model*',
          'LLM*',
          'computer vision',
          'predictive model*',
          'generative AI',
        ],
        fr: [
          'IA',
          'intelligence artificielle',
          'apprentissage automatique',
          'apprentissage profond',
          'réseau* de neurones',
          'grand* modèle* de langage',
          'vision par ordinateur',
          'modèle* prédictif*',
        ],
        es: [
          'IA',
          'inteligencia artificial',
          'aprendizaje automático',
          'aprendizaje profundo',
          'red* neuronal*',
          'gran* modelo* de lenguaje',
          'visión artificial',
          'modelo* predictivo*',
        ],
      },
    ],
  },
  {
    ids: ['gpai.model'],
    groups: [
      {
        en: [
          'large language model*',
          'LLM*',
          'GPT*',
          'ChatGPT',
          'foundation model*',
          'general-purpose AI',
          'general purpose AI',
          'Copilot',
        ],
        fr: ['grand* modèle* de langage', 'modèle* de fondation', "modèle* d'IA à usage général", 'ChatGPT'],
        es: ['gran* modelo* de lenguaje', 'modelo* fundacional*', 'modelo* de IA de uso general', 'ChatGPT'],
      },
    ],
  },
  {
    ids: ['art5.c'],
    groups: [
      {
        en: ['social scor*', 'social credit'],
        fr: ['notation sociale', 'crédit social', 'score social'],
        es: ['puntuación social', 'crédito social'],
      },
    ],
  },
  {
    ids: ['art5.e'],
    groups: [
      {
        en: ['scrap*', 'harvest*', 'crawl*'],
        fr: ['moissonn*', 'aspir*', 'collecte* massive*'],
        es: ['extracción masiva', 'rastre*', 'recopilación masiva'],
      },
      FACE,
    ],
  },
  { ids: ['art5.f'], groups: [EMOTION, WORK_OR_EDUCATION] },
  {
    ids: ['art5.g'],
    groups: [
      {
        en: ['ethnicity', 'ethnic origin', 'race', 'religion', 'sexual orientation', 'political opinion*'],
        fr: [
          'origine ethnique',
          'origine raciale',
          'religion',
          'orientation sexuelle',
          'opinions politiques',
        ],
        es: [
          'origen étnico',
          'origen racial',
          'raza',
          'religión',
          'orientación sexual',
          'opiniones políticas',
        ],
      },
      BIOMETRIC_MEDIA,
    ],
  },
  {
    ids: ['annex1.safety_component'],
    groups: [
      {
        en: ['medical device*'],
        fr: ['dispositif* médica*'],
        es: ['producto* sanitario*', 'dispositivo* médico*'],
      },
    ],
  },
  ...ANNEX_III_RULES,
  {
    ids: ['art50.1'],
    groups: [
      {
        en: ['chatbot*', 'chat bot*', 'virtual assistant*', 'conversational agent*', 'voice assistant*'],
        fr: [
          'chatbot*',
          'agent* conversationnel*',
          'assistant* virtuel*',
          'robot* conversationnel*',
          'assistant* vocal*',
          'assistants vocaux',
        ],
        es: [
          'chatbot*',
          'asistente* virtual*',
          'agente* conversacional*',
          'bot* conversacional*',
          'asistente* de voz',
        ],
      },
    ],
  },
  {
    ids: ['art50.2', 'art50.4'],
    groups: [
      {
        en: ['deepfake*', 'deep fake*', 'face swap*', 'voice clon*', 'synthetic voice*'],
        fr: ['hypertrucage*', 'deepfake*', 'clonage de voix', 'clonage vocal', 'voix synthétique*'],
        es: ['ultrafals*', 'deepfake*', 'clonación de voz', 'voz sintética', 'voces sintéticas'],
      },
    ],
  },
  {
    ids: ['art50.2'],
    groups: [
      {
        en: [
          'synthetic image*',
          'synthetic video*',
          'synthetic audio',
          'synthetic text',
          'synthetic media',
          'image generat*',
          'generat* image*',
          'generat* video*',
          'text-to-image',
          'text-to-speech',
          'generat* text',
          'content generation',
          'generative AI',
          'draft* report*',
          'summari*',
          'machine translation',
          'automatic translation',
          'translat*',
        ],
        fr: [
          'image* synthétique*',
          'vidéo* synthétique*',
          'contenu* synthétique*',
          "génération d'images",
          'génère des images',
          'génération de texte*',
          'génère des textes',
          'IA générative',
          'rédaction automatique',
          'synthèse vocale',
          'traduction*',
          'tradui*',
        ],
        es: [
          'imagen sintética',
          'imágenes sintéticas',
          'vídeo* sintético*',
          'video* sintético*',
          'contenido* sintético*',
          'generación de imágenes',
          'genera imágenes',
          'generación de texto*',
          'genera textos',
          'IA generativa',
          'redacción automática',
          'síntesis de voz',
          'traducción*',
          'traduc*',
        ],
      },
    ],
  },
];
