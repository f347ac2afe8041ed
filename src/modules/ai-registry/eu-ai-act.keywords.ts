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

const FACE: Keywords = {
  en: ['face*', 'facial'],
  fr: ['visage*', 'facial*', 'faciale*'],
  es: ['rostro*', 'cara', 'caras', 'facial*'],
};

const BIOMETRIC_MEDIA: Keywords = {
  en: ['face*', 'facial', 'photo*', 'voice*', 'biometric*', 'image*'],
  fr: ['visage*', 'facial*', 'faciale*', 'photo*', 'voix', 'biométrique*', 'image*'],
  es: ['rostro*', 'facial*', 'foto*', 'voz', 'voces', 'biométric*', 'imagen', 'imágenes'],
};

const EMOTION: Keywords = {
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

const WORK_OR_EDUCATION: Keywords = {
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

const LIE_DETECTION: Keywords = {
  en: ['lie detect*', 'deception detection', 'detect* deception', 'polygraph*'],
  fr: ['détecteur* de mensonge*', 'détection du mensonge', 'détection des mensonges', 'polygraphe*'],
  es: ['detector* de mentiras', 'detección de mentiras', 'detección del engaño', 'polígrafo*'],
};

const MIGRATION_CONTEXT: Keywords = {
  en: ['asylum', 'migra*', 'immigration', 'border*', 'refugee*', 'visa', 'visas'],
  fr: ['asile', 'migra*', 'immigration', 'frontière*', 'réfugié*', 'visa', 'visas'],
  es: ['asilo', 'migra*', 'inmigración', 'frontera*', 'fronteriz*', 'refugiad*', 'visado*'],
};

const POLICE_CONTEXT: Keywords = {
  en: ['police', 'law enforcement', 'criminal*', 'crime*', 'suspect*'],
  fr: ['police', 'répressi*', 'pénal*', 'criminel*', 'suspect*', 'infraction*'],
  es: ['policía*', 'policial*', 'penal*', 'delito*', 'sospechos*', 'criminal*'],
};

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
  {
    ids: ['annex3.1a'],
    groups: [
      {
        en: [
          'face matching',
          'facial matching',
          'facial recognition',
          'face recognition',
          'biometric identification',
          'iris recognition',
          'fingerprint matching',
        ],
        fr: [
          'reconnaissance faciale',
          'comparaison faciale',
          'correspondance faciale',
          'identification biométrique',
          "reconnaissance de l'iris",
          'comparaison des empreintes',
        ],
        es: [
          'reconocimiento facial',
          'comparación facial',
          'coincidencia facial',
          'identificación biométrica',
          'reconocimiento de iris',
          'cotejo de huellas',
        ],
      },
    ],
  },
  {
    ids: ['annex3.1b', 'art50.3'],
    groups: [
      {
        en: ['biometric categori*', 'age estimation', 'estimate* age', 'gender detection'],
        fr: ['catégorisation biométrique', "estimation de l'âge", "estime* l'âge"],
        es: ['categorización biométrica', 'estimación de la edad', 'estima* la edad'],
      },
    ],
  },
  { ids: ['annex3.1c', 'art50.3'], groups: [EMOTION] },
  {
    ids: ['annex3.2'],
    groups: [
      {
        en: [
          'water supply',
          'water treatment',
          'power grid',
          'electricity grid',
          'gas supply',
          'road traffic',
        ],
        fr: [
          'approvisionnement en eau',
          "traitement de l'eau",
          "distribution d'eau",
          'réseau électrique',
          'trafic routier',
        ],
        es: [
          'suministro de agua',
          'tratamiento de agua',
          'red eléctrica',
          'suministro eléctrico',
          'tráfico rodado',
        ],
      },
    ],
  },
  {
    ids: ['annex3.3a'],
    groups: [
      {
        en: ['admissions', 'university admission*', 'school admission*', 'scholarship*'],
        fr: ['admissions', "bourse* d'études", "admission* à l'université"],
        es: ['admisiones', 'beca*', 'admisión a la universidad'],
      },
    ],
  },
  {
    ids: ['annex3.3b'],
    groups: [
      {
        en: ['grading', 'exam marking', 'automated marking', 'essay scoring', 'learning outcome*'],
        fr: [
          'correction automatique',
          'correction des examens',
          'notation des copies',
          "acquis d'apprentissage",
        ],
        es: [
          'corrección automática',
          'corrección de exámenes',
          'calificación de exámenes',
          'resultados del aprendizaje',
        ],
      },
    ],
  },
  {
    ids: ['annex3.3d'],
    groups: [
      {
        en: ['proctoring', 'exam monitoring', 'cheating detection', 'detect* cheating'],
        fr: ['surveillance des examens', 'télésurveillance des examens', 'fraude aux examens'],
        es: ['supervisión de exámenes', 'vigilancia de exámenes', 'detección de trampas'],
      },
    ],
  },
  {
    ids: ['annex3.4a'],
    groups: [
      {
        en: [
          'CV screening',
          'CV sorting',
          'resume screening',
          'recruit*',
          'hiring',
          'job applicant*',
          'job application*',
          'candidate ranking',
          'shortlist*',
        ],
        fr: [
          'tri des CV',
          'tri de CV',
          'trier les CV',
          'trie les CV',
          'recrutement*',
          'recruter',
          'présélection des candidat*',
          'sélection des candidat*',
          'embauche*',
        ],
        es: [
          'cribado de CV',
          'cribado de currículos',
          'cribado de currículums',
          'filtrado de currículos',
          'selección de personal',
          'reclutamiento',
          'contratación de personal',
          'selección de candidat*',
          'preselección de candidat*',
        ],
      },
    ],
  },
  {
    ids: ['annex3.4b'],
    groups: [
      {
        en: [
          'performance evaluation*',
          'performance review*',
          'employee monitoring',
          'staff monitoring',
          'productivity monitoring',
          'productivity scor*',
          'task allocation',
        ],
        fr: [
          'évaluation* des performances',
          'évaluation* du personnel',
          'surveillance des employés',
          'surveillance du personnel',
          'suivi de la productivité',
          'répartition des tâches',
        ],
        es: [
          'evaluación del desempeño',
          'evaluación del rendimiento',
          'supervisión de emplead*',
          'vigilancia de emplead*',
          'seguimiento de la productividad',
          'asignación de tareas',
        ],
      },
    ],
  },
  {
    ids: ['annex3.5a'],
    groups: [
      {
        en: [
          'eligibility',
          'eligible for assistance',
          'beneficiary selection',
          'selection of beneficiaries',
          'assistance targeting',
          'targeting of assistance',
          'vulnerability scor*',
        ],
        fr: [
          'éligibilité',
          'sélection des bénéficiaires',
          "ciblage de l'assistance",
          "ciblage de l'aide",
          'ciblage des bénéficiaires',
          'score* de vulnérabilité',
        ],
        es: [
          'elegibilidad',
          'selección de beneficiari*',
          'focalización de la asistencia',
          'focalización de la ayuda',
          'puntuación de vulnerabilidad',
        ],
      },
    ],
  },
  {
    ids: ['annex3.5b'],
    groups: [
      {
        en: ['credit scor*', 'creditworthiness', 'credit risk'],
        fr: ['solvabilité', 'score* de crédit', 'notation de crédit', 'risque de crédit'],
        es: ['solvencia', 'calificación crediticia', 'puntuación crediticia', 'riesgo crediticio'],
      },
    ],
  },
  {
    ids: ['annex3.5c'],
    groups: [
      {
        en: ['life insurance', 'health insurance'],
        fr: ['assurance vie', 'assurance-vie', 'assurance maladie', 'assurance santé'],
        es: ['seguro de vida', 'seguro de salud', 'seguro médico'],
      },
    ],
  },
  {
    ids: ['annex3.5d'],
    groups: [
      {
        en: ['emergency call*', 'patient triage', 'emergency triage', 'medical triage', 'ambulance dispatch'],
        fr: ["appel* d'urgence", 'triage des patients', 'triage médical', 'envoi des ambulances'],
        es: ['llamada* de emergencia', 'triaje', 'envío de ambulancias'],
      },
    ],
  },
  {
    ids: ['annex3.6d'],
    groups: [
      {
        en: ['predictive policing', 'crime prediction', 'reoffending', 're-offending', 'recidivism'],
        fr: ['police prédictive', 'prédiction de la criminalité', 'récidive'],
        es: ['policía predictiva', 'predicción del delito', 'predicción de delitos', 'reincidencia'],
      },
    ],
  },
  { ids: ['annex3.6b'], groups: [LIE_DETECTION, POLICE_CONTEXT] },
  { ids: ['annex3.7a'], groups: [LIE_DETECTION, MIGRATION_CONTEXT] },
  {
    ids: ['annex3.7b'],
    groups: [
      {
        en: ['irregular migration', 'migration risk', 'border risk'],
        fr: ['migration irrégulière', 'risque migratoire'],
        es: ['migración irregular', 'riesgo migratorio'],
      },
    ],
  },
  {
    ids: ['annex3.7c'],
    groups: [
      {
        en: ['asylum', 'visa', 'visas', 'residence permit*', 'refugee status determination'],
        fr: ['asile', 'visa', 'visas', 'titre* de séjour', 'détermination du statut de réfugié'],
        es: ['asilo', 'visado*', 'visa', 'visas', 'permiso* de residencia', 'condición de refugiad*'],
      },
    ],
  },
  {
    ids: ['annex3.8a'],
    groups: [
      {
        en: ['judicial', 'court decision*', 'court ruling*', 'dispute resolution'],
        fr: ['judiciaire*', 'décision* de justice', 'règlement des litiges'],
        es: ['judicial*', 'resolución* judicial*', 'resolución de litigios', 'sentencia*'],
      },
    ],
  },
  {
    ids: ['annex3.8b'],
    groups: [
      {
        en: ['election*', 'voter*', 'referendum*', 'electoral'],
        fr: ['élection*', 'électeur*', 'électoral*', 'électorale*', 'référendum*'],
        es: ['elecciones', 'electoral*', 'votante*', 'referéndum*'],
      },
    ],
  },
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
