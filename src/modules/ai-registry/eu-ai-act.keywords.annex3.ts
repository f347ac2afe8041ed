import {
  EMOTION,
  LIE_DETECTION,
  MIGRATION_CONTEXT,
  POLICE_CONTEXT,
  type SuggestionRule,
} from './eu-ai-act.keyword-groups.js';

/** The rules for the high-risk areas of Annex III (and the transparency duties they share), in questionnaire order. */
export const ANNEX_III_RULES: readonly SuggestionRule[] = [
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
];
