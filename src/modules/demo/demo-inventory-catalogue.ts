import type { AssetType, DataSubject, SensitivityLabel, SpecialCategory } from '../inventory/asset.schema.js';

/*
 * What a country office or HQ department of the demo organisation records in its data inventory: the
 * systems it runs and the datasets they hold, in English, French and Spanish. Fictional but modelled
 * on what humanitarian and migration offices really keep. Placeholders: {year}, {round}, {city}.
 */

export type Language = 'en' | 'fr' | 'es';
/** One text in English, French and Spanish. */
export type Text = readonly [en: string, fr: string, es: string];

export function say(text: Text, language: Language): string {
  return text[language === 'en' ? 0 : language === 'fr' ? 1 : 2];
}

export const LEGAL_BASES = {
  consent: [
    'Consent of the data subject',
    'Consentement de la personne concernée',
    'Consentimiento del titular de los datos',
  ],
  vital: [
    'Vital interests of the data subject',
    'Intérêts vitaux de la personne concernée',
    'Intereses vitales del titular de los datos',
  ],
  mandate: [
    "Performance of the organisation's mandate (public interest)",
    "Exécution du mandat de l'organisation (intérêt public)",
    'Cumplimiento del mandato de la organización (interés público)',
  ],
  contract: ['Employment contract', 'Contrat de travail', 'Contrato de trabajo'],
  legitimate: [
    'Legitimate interest of the organisation',
    "Intérêt légitime de l'organisation",
    'Interés legítimo de la organización',
  ],
  obligation: [
    'Legal obligation (financial regulations and rules)',
    'Obligation légale (règlement financier)',
    'Obligación legal (reglamento financiero)',
  ],
} as const satisfies Record<string, Text>;

export const RETENTION = {
  case: [
    '7 years after case closure, then anonymised',
    '7 ans après la clôture du dossier, puis anonymisation',
    '7 años después del cierre del caso, luego anonimización',
  ],
  staff: [
    '10 years after separation from service',
    '10 ans après la cessation de service',
    '10 años después de la separación del servicio',
  ],
  finance: [
    '7 years after the end of the financial year',
    "7 ans après la fin de l'exercice financier",
    '7 años después del cierre del ejercicio financiero',
  ],
  project: [
    '2 years after the end of the project',
    '2 ans après la fin du projet',
    '2 años después del fin del proyecto',
  ],
  archive: [
    'Permanent (historical archive)',
    'Permanente (archives historiques)',
    'Permanente (archivo histórico)',
  ],
  short: ['5 years', '5 ans', '5 años'],
} as const satisfies Record<string, Text>;

export const SHARING = {
  authority: [
    'Data sharing agreement with the national migration authority',
    "Accord de partage de données avec l'autorité nationale des migrations",
    'Acuerdo de intercambio de datos con la autoridad nacional de migración',
  ],
  partners: [
    'Data sharing agreements with implementing partners',
    'Accords de partage de données avec les partenaires de mise en œuvre',
    'Acuerdos de intercambio de datos con los socios implementadores',
  ],
  donors: [
    'Shared with donors as aggregated figures only',
    'Partagé avec les bailleurs sous forme agrégée uniquement',
    'Compartido con los donantes solo en cifras agregadas',
  ],
} as const satisfies Record<string, Text>;

/** Where a system's data lives; {city} and {country} are the office's. */
export const HOSTING = {
  m365: 'Microsoft 365, EU data boundary (Netherlands)',
  kobo: 'KoboToolbox EU server (Germany)',
  hq: 'HQ data centre, Geneva (Switzerland)',
  erp: 'ERP private cloud (Ireland)',
  azure: 'Azure West Europe (Netherlands)',
  local: 'Country office server, {city} ({country})',
  archive: 'Locked archive room, {city} ({country})',
} as const;
export type Hosting = keyof typeof HOSTING;

export interface DatasetTemplate {
  type: AssetType;
  name: Text;
  description: Text;
  purpose: Text;
  label: SensitivityLabel;
  special?: readonly SpecialCategory[];
  /** None: no personal data. */
  subjects?: readonly DataSubject[];
  legal?: keyof typeof LEGAL_BASES;
  retention: keyof typeof RETENTION;
  sharing?: keyof typeof SHARING;
  tags: readonly string[];
  /** 'year': one asset per year ({year}); 'round': per survey round ({round}); default once. */
  repeat?: 'year' | 'round';
  /** Share of offices running the system that keep this dataset (default 1). */
  frequency?: number;
}

export interface SystemTemplate {
  key: string;
  type: 'application' | 'database';
  name: Text;
  description: Text;
  purpose: Text;
  /** The unit of a country office that runs it (the office has no such unit: not run there). */
  unit: string;
  label: SensitivityLabel;
  hosting: Hosting;
  tags: readonly string[];
  datasets: readonly DatasetTemplate[];
}

const BENEFICIARIES: readonly DataSubject[] = ['beneficiaries_migrants'];
const STAFF: readonly DataSubject[] = ['staff'];
const PARTNERS: readonly DataSubject[] = ['partners'];

export const SYSTEMS: Readonly<Record<string, SystemTemplate>> = {
  caseManagement: {
    key: 'case-management',
    type: 'application',
    name: [
      'Migrant case management (MiMOSA-like)',
      'Gestion des dossiers des migrants (type MiMOSA)',
      'Gestión de casos de migrantes (tipo MiMOSA)',
    ],
    description: [
      'Case management system for assisted voluntary return, reintegration and direct assistance to migrants.',
      "Système de gestion des dossiers pour le retour volontaire assisté, la réintégration et l'assistance directe aux migrants.",
      'Sistema de gestión de casos para el retorno voluntario asistido, la reintegración y la asistencia directa a migrantes.',
    ],
    purpose: [
      'Register migrants, assess their needs and follow their assistance',
      'Enregistrer les migrants, évaluer leurs besoins et suivre leur assistance',
      'Registrar a los migrantes, evaluar sus necesidades y hacer seguimiento de su asistencia',
    ],
    unit: 'PRG',
    label: 'Strictly Confidential',
    hosting: 'hq',
    tags: ['case-management', 'avrr'],
    datasets: [
      {
        type: 'dataset',
        name: [
          'Assisted voluntary return cases {year}',
          'Dossiers de retour volontaire assisté {year}',
          'Casos de retorno voluntario asistido {year}',
        ],
        description: [
          'Cases opened in {year}: identity, travel and return assistance of each migrant.',
          'Dossiers ouverts en {year} : identité, voyage et aide au retour de chaque migrant.',
          'Casos abiertos en {year}: identidad, viaje y asistencia al retorno de cada migrante.',
        ],
        purpose: [
          'Organise safe and dignified voluntary return',
          'Organiser un retour volontaire sûr et digne',
          'Organizar un retorno voluntario seguro y digno',
        ],
        label: 'Strictly Confidential',
        subjects: BENEFICIARIES,
        legal: 'mandate',
        retention: 'case',
        sharing: 'authority',
        tags: ['avrr'],
        repeat: 'year',
      },
      {
        type: 'dataset',
        name: [
          'Reintegration assistance payments {year}',
          'Paiements d’aide à la réintégration {year}',
          'Pagos de asistencia a la reintegración {year}',
        ],
        description: [
          'Cash and in-kind reintegration grants paid to returnees in {year}.',
          'Aides à la réintégration en espèces et en nature versées aux personnes de retour en {year}.',
          'Subsidios de reintegración en efectivo y en especie pagados a personas retornadas en {year}.',
        ],
        purpose: [
          'Pay and reconcile reintegration assistance',
          "Verser et rapprocher l'aide à la réintégration",
          'Pagar y conciliar la asistencia a la reintegración',
        ],
        label: 'Confidential',
        subjects: BENEFICIARIES,
        legal: 'mandate',
        retention: 'finance',
        tags: ['cash', 'reintegration'],
        repeat: 'year',
      },
      {
        type: 'dataset',
        name: ['Vulnerability screening', 'Dépistage des vulnérabilités', 'Evaluación de vulnerabilidades'],
        description: [
          'Screening of migrants for protection risks and medical needs before assistance.',
          "Dépistage des risques de protection et des besoins médicaux des migrants avant l'assistance.",
          'Evaluación de riesgos de protección y necesidades médicas de los migrantes antes de la asistencia.',
        ],
        purpose: [
          'Refer vulnerable migrants to specialised services',
          'Orienter les migrants vulnérables vers des services spécialisés',
          'Derivar a los migrantes vulnerables a servicios especializados',
        ],
        label: 'Strictly Confidential',
        special: ['health', 'protection_gbv'],
        subjects: BENEFICIARIES,
        legal: 'vital',
        retention: 'case',
        tags: ['protection', 'health'],
      },
      {
        type: 'dataset',
        name: [
          'Biometric enrolment (fingerprints and photographs)',
          'Enrôlement biométrique (empreintes et photographies)',
          'Registro biométrico (huellas y fotografías)',
        ],
        description: [
          'Fingerprints and facial photographs taken at registration to prevent duplicate assistance.',
          "Empreintes et photographies prises à l'enregistrement pour éviter les doublons d'assistance.",
          'Huellas y fotografías tomadas en el registro para evitar la asistencia duplicada.',
        ],
        purpose: [
          'Verify identity at distributions',
          "Vérifier l'identité lors des distributions",
          'Verificar la identidad en las distribuciones',
        ],
        label: 'Strictly Confidential',
        special: ['biometric'],
        subjects: BENEFICIARIES,
        legal: 'mandate',
        retention: 'case',
        tags: ['biometric'],
        frequency: 0.4,
      },
      {
        type: 'file_share',
        name: ['Travel document copies', 'Copies des documents de voyage', 'Copias de documentos de viaje'],
        description: [
          'Scanned passports, laissez-passer and tickets attached to return cases.',
          'Passeports, laissez-passer et billets numérisés joints aux dossiers de retour.',
          'Pasaportes, salvoconductos y billetes escaneados adjuntos a los casos de retorno.',
        ],
        purpose: [
          'Arrange travel and exit formalities',
          'Organiser le voyage et les formalités de sortie',
          'Organizar el viaje y los trámites de salida',
        ],
        label: 'Confidential',
        subjects: BENEFICIARIES,
        legal: 'mandate',
        retention: 'case',
        tags: ['travel'],
      },
    ],
  },
  protection: {
    key: 'protection',
    type: 'application',
    name: [
      'Protection case management (Primero-like)',
      'Gestion des cas de protection (type Primero)',
      'Gestión de casos de protección (tipo Primero)',
    ],
    description: [
      'Case management for survivors of gender-based violence, trafficking and unaccompanied children.',
      'Gestion des cas des survivantes et survivants de violences basées sur le genre, de la traite et des enfants non accompagnés.',
      'Gestión de casos de sobrevivientes de violencia de género, trata y niñez no acompañada.',
    ],
    purpose: [
      'Provide and follow protection assistance',
      "Fournir et suivre l'assistance de protection",
      'Brindar y dar seguimiento a la asistencia de protección',
    ],
    unit: 'PRT',
    label: 'Strictly Confidential',
    hosting: 'azure',
    tags: ['protection', 'gbv'],
    datasets: [
      {
        type: 'dataset',
        name: ['GBV incident records', 'Registre des incidents de VBG', 'Registro de incidentes de VBG'],
        description: [
          'Incident reports and service referrals for survivors of gender-based violence.',
          "Rapports d'incidents et orientations vers des services pour les survivantes de VBG.",
          'Informes de incidentes y derivaciones a servicios para sobrevivientes de VBG.',
        ],
        purpose: [
          'Assist survivors and refer them to services',
          'Assister les survivantes et les orienter vers les services',
          'Asistir a las sobrevivientes y derivarlas a servicios',
        ],
        label: 'Strictly Confidential',
        special: ['protection_gbv', 'sexual_life'],
        subjects: BENEFICIARIES,
        legal: 'vital',
        retention: 'case',
        tags: ['gbv'],
      },
      {
        type: 'dataset',
        name: [
          'Counter-trafficking case files',
          'Dossiers de lutte contre la traite',
          'Expedientes de lucha contra la trata',
        ],
        description: [
          'Identification, assistance and referral of victims of trafficking.',
          'Identification, assistance et orientation des victimes de la traite.',
          'Identificación, asistencia y derivación de víctimas de trata.',
        ],
        purpose: [
          'Protect and assist victims of trafficking',
          'Protéger et assister les victimes de la traite',
          'Proteger y asistir a las víctimas de trata',
        ],
        label: 'Strictly Confidential',
        special: ['protection_gbv', 'criminal'],
        subjects: BENEFICIARIES,
        legal: 'vital',
        retention: 'case',
        sharing: 'partners',
        tags: ['trafficking'],
      },
      {
        type: 'dataset',
        name: [
          'Unaccompanied and separated children',
          'Enfants non accompagnés et séparés',
          'Niñas, niños y adolescentes no acompañados',
        ],
        description: [
          'Best-interest assessments and family tracing of unaccompanied and separated children.',
          "Évaluations de l'intérêt supérieur et recherche familiale des enfants non accompagnés.",
          'Evaluaciones del interés superior y búsqueda familiar de la niñez no acompañada.',
        ],
        purpose: [
          'Trace families and protect children',
          'Rechercher les familles et protéger les enfants',
          'Buscar a las familias y proteger a la niñez',
        ],
        label: 'Strictly Confidential',
        special: ['protection_gbv'],
        subjects: BENEFICIARIES,
        legal: 'vital',
        retention: 'case',
        tags: ['child-protection'],
        frequency: 0.6,
      },
      {
        type: 'dataset',
        name: [
          'Psychosocial support sessions {year}',
          'Séances de soutien psychosocial {year}',
          'Sesiones de apoyo psicosocial {year}',
        ],
        description: [
          'Attendance and follow-up notes of individual and group psychosocial support in {year}.',
          'Présences et notes de suivi du soutien psychosocial individuel et collectif en {year}.',
          'Asistencia y notas de seguimiento del apoyo psicosocial individual y grupal en {year}.',
        ],
        purpose: [
          'Follow the wellbeing of people supported',
          'Suivre le bien-être des personnes accompagnées',
          'Dar seguimiento al bienestar de las personas acompañadas',
        ],
        label: 'Strictly Confidential',
        special: ['health'],
        subjects: BENEFICIARIES,
        legal: 'consent',
        retention: 'case',
        tags: ['mhpss'],
        repeat: 'year',
      },
    ],
  },
  health: {
    key: 'health',
    type: 'database',
    name: [
      'Migration health assessment database',
      'Base de données des évaluations sanitaires des migrants',
      'Base de datos de evaluaciones de salud de migrantes',
    ],
    description: [
      'Pre-departure and resettlement health assessments, screening results and vaccinations.',
      'Évaluations sanitaires avant départ et de réinstallation, résultats de dépistage et vaccinations.',
      'Evaluaciones de salud previas a la salida y de reasentamiento, resultados de tamizaje y vacunas.',
    ],
    purpose: [
      'Assess fitness to travel and protect public health',
      "Évaluer l'aptitude au voyage et protéger la santé publique",
      'Evaluar la aptitud para viajar y proteger la salud pública',
    ],
    unit: 'MH',
    label: 'Strictly Confidential',
    hosting: 'azure',
    tags: ['health'],
    datasets: [
      {
        type: 'dataset',
        name: [
          'Health assessments for resettlement {year}',
          'Évaluations sanitaires pour la réinstallation {year}',
          'Evaluaciones de salud para el reasentamiento {year}',
        ],
        description: [
          'Medical history, examinations and results of refugees assessed for resettlement in {year}.',
          'Antécédents médicaux, examens et résultats des réfugiés évalués pour la réinstallation en {year}.',
          'Historia clínica, exámenes y resultados de personas refugiadas evaluadas en {year}.',
        ],
        purpose: [
          'Report fitness to travel to resettlement countries',
          "Attester l'aptitude au voyage auprès des pays de réinstallation",
          'Informar la aptitud para viajar a los países de reasentamiento',
        ],
        label: 'Strictly Confidential',
        special: ['health'],
        subjects: BENEFICIARIES,
        legal: 'consent',
        retention: 'case',
        sharing: 'authority',
        tags: ['resettlement'],
        repeat: 'year',
      },
      {
        type: 'dataset',
        name: [
          'Tuberculosis screening results',
          'Résultats du dépistage de la tuberculose',
          'Resultados del tamizaje de tuberculosis',
        ],
        description: [
          'Chest X-ray readings, sputum tests and treatment follow-up of screened migrants.',
          'Lectures de radiographies, tests d’expectoration et suivi du traitement des migrants dépistés.',
          'Lecturas de radiografías, pruebas de esputo y seguimiento del tratamiento de los migrantes.',
        ],
        purpose: [
          'Detect and treat tuberculosis before travel',
          'Détecter et traiter la tuberculose avant le voyage',
          'Detectar y tratar la tuberculosis antes del viaje',
        ],
        label: 'Strictly Confidential',
        special: ['health'],
        subjects: BENEFICIARIES,
        legal: 'vital',
        retention: 'case',
        tags: ['tb'],
      },
      {
        type: 'dataset',
        name: [
          'Vaccination records {year}',
          'Registres de vaccination {year}',
          'Registros de vacunación {year}',
        ],
        description: [
          'Vaccines given to migrants and staff during {year} campaigns.',
          'Vaccins administrés aux migrants et au personnel lors des campagnes de {year}.',
          'Vacunas aplicadas a migrantes y personal durante las campañas de {year}.',
        ],
        purpose: [
          'Record immunisation and plan campaigns',
          'Enregistrer les vaccinations et planifier les campagnes',
          'Registrar la inmunización y planificar campañas',
        ],
        label: 'Confidential',
        special: ['health'],
        subjects: ['beneficiaries_migrants', 'staff'],
        legal: 'vital',
        retention: 'short',
        tags: ['vaccination'],
        repeat: 'year',
      },
    ],
  },
  kobo: {
    key: 'kobo',
    type: 'application',
    name: ['KoboToolbox server', 'Serveur KoboToolbox', 'Servidor KoboToolbox'],
    description: [
      'Mobile data collection forms and submissions for surveys and assessments.',
      'Formulaires de collecte mobile et soumissions des enquêtes et évaluations.',
      'Formularios de recolección móvil y envíos de encuestas y evaluaciones.',
    ],
    purpose: [
      'Collect survey and assessment data in the field',
      "Collecter les données d'enquêtes et d'évaluations sur le terrain",
      'Recolectar datos de encuestas y evaluaciones en terreno',
    ],
    unit: 'ICT',
    label: 'Confidential',
    hosting: 'kobo',
    tags: ['kobo', 'survey'],
    datasets: [
      {
        type: 'dataset',
        name: [
          'Displacement site assessment, round {round}',
          'Évaluation des sites de déplacement, round {round}',
          'Evaluación de sitios de desplazamiento, ronda {round}',
        ],
        description: [
          'Key-informant assessment of displacement sites around {city}: population, needs and services.',
          'Évaluation par informateurs clés des sites de déplacement autour de {city} : population, besoins, services.',
          'Evaluación con informantes clave de los sitios de desplazamiento en {city}: población, necesidades, servicios.',
        ],
        purpose: [
          'Track displacement and inform the response',
          'Suivre les déplacements et orienter la réponse',
          'Monitorear el desplazamiento y orientar la respuesta',
        ],
        label: 'Internal',
        retention: 'project',
        sharing: 'donors',
        tags: ['dtm'],
        repeat: 'round',
      },
      {
        type: 'dataset',
        name: [
          'Flow monitoring survey {year}',
          'Enquête de suivi des flux {year}',
          'Encuesta de monitoreo de flujos {year}',
        ],
        description: [
          'Interviews with travellers at flow monitoring points: route, profile and intentions.',
          'Entretiens avec les voyageurs aux points de suivi des flux : route, profil et intentions.',
          'Entrevistas con viajeros en puntos de monitoreo: ruta, perfil e intenciones.',
        ],
        purpose: [
          'Understand migration routes and needs',
          'Comprendre les routes migratoires et les besoins',
          'Comprender las rutas migratorias y las necesidades',
        ],
        label: 'Confidential',
        subjects: BENEFICIARIES,
        legal: 'consent',
        retention: 'project',
        tags: ['dtm', 'flow-monitoring'],
        repeat: 'year',
      },
      {
        type: 'dataset',
        name: [
          'Post-distribution monitoring {year}',
          'Suivi post-distribution {year}',
          'Monitoreo post-distribución {year}',
        ],
        description: [
          'Household interviews after cash and non-food item distributions in {year}.',
          'Entretiens auprès des ménages après les distributions d’espèces et d’articles non alimentaires en {year}.',
          'Entrevistas a hogares tras las distribuciones de efectivo y artículos no alimentarios en {year}.',
        ],
        purpose: [
          'Check that assistance reached people and met their needs',
          "Vérifier que l'assistance a atteint les personnes et répondu à leurs besoins",
          'Verificar que la asistencia llegó a las personas y cubrió sus necesidades',
        ],
        label: 'Confidential',
        subjects: BENEFICIARIES,
        legal: 'consent',
        retention: 'project',
        tags: ['cash', 'pdm'],
        repeat: 'year',
        frequency: 0.7,
      },
      {
        type: 'dataset',
        name: [
          'Multi-sector needs assessment {year}',
          'Évaluation multisectorielle des besoins {year}',
          'Evaluación multisectorial de necesidades {year}',
        ],
        description: [
          'Aggregated needs by district and sector, from household and key-informant surveys.',
          'Besoins agrégés par district et par secteur, issus des enquêtes ménages et informateurs clés.',
          'Necesidades agregadas por distrito y sector, de encuestas a hogares e informantes clave.',
        ],
        purpose: [
          'Plan the humanitarian response',
          'Planifier la réponse humanitaire',
          'Planificar la respuesta humanitaria',
        ],
        label: 'Internal',
        retention: 'project',
        sharing: 'donors',
        tags: ['msna'],
        repeat: 'year',
        frequency: 0.6,
      },
    ],
  },
  sharepoint: {
    key: 'sharepoint',
    type: 'application',
    name: ['Office SharePoint site', 'Site SharePoint du bureau', 'Sitio SharePoint de la oficina'],
    description: [
      'Document libraries of the office: programme files, reports and correspondence.',
      'Bibliothèques de documents du bureau : dossiers de programme, rapports et correspondance.',
      'Bibliotecas de documentos de la oficina: expedientes de programas, informes y correspondencia.',
    ],
    purpose: [
      'Store and share the office’s working documents',
      'Conserver et partager les documents de travail du bureau',
      'Guardar y compartir los documentos de trabajo de la oficina',
    ],
    unit: 'COM',
    label: 'Internal',
    hosting: 'm365',
    tags: ['sharepoint'],
    datasets: [
      {
        type: 'file_share',
        name: ['Programme documents', 'Documents de programme', 'Documentos de programas'],
        description: [
          'Project documents, work plans and monitoring frameworks of current programmes.',
          'Documents de projet, plans de travail et cadres de suivi des programmes en cours.',
          'Documentos de proyecto, planes de trabajo y marcos de monitoreo de los programas.',
        ],
        purpose: ['Manage programmes', 'Gérer les programmes', 'Gestionar los programas'],
        label: 'Internal',
        retention: 'project',
        tags: ['programme'],
      },
      {
        type: 'file_share',
        name: ['Donor reports {year}', 'Rapports aux bailleurs {year}', 'Informes a donantes {year}'],
        description: [
          'Narrative and financial reports sent to donors in {year}.',
          'Rapports narratifs et financiers envoyés aux bailleurs en {year}.',
          'Informes narrativos y financieros enviados a los donantes en {year}.',
        ],
        purpose: [
          'Account to donors for the funds received',
          'Rendre compte aux bailleurs des fonds reçus',
          'Rendir cuentas a los donantes por los fondos recibidos',
        ],
        label: 'Internal',
        retention: 'finance',
        tags: ['donor-report'],
        repeat: 'year',
      },
      {
        type: 'file_share',
        name: [
          'Partner due-diligence files',
          'Dossiers de vérification des partenaires',
          'Expedientes de debida diligencia de socios',
        ],
        description: [
          'Capacity assessments, registration papers and contacts of implementing partners.',
          'Évaluations de capacités, statuts et contacts des partenaires de mise en œuvre.',
          'Evaluaciones de capacidad, registros y contactos de los socios implementadores.',
        ],
        purpose: [
          'Select and monitor implementing partners',
          'Sélectionner et suivre les partenaires de mise en œuvre',
          'Seleccionar y supervisar a los socios implementadores',
        ],
        label: 'Confidential',
        subjects: PARTNERS,
        legal: 'legitimate',
        retention: 'finance',
        tags: ['partners'],
        frequency: 0.7,
      },
      {
        type: 'file_share',
        name: [
          'Meeting minutes and correspondence',
          'Procès-verbaux et correspondance',
          'Actas de reuniones y correspondencia',
        ],
        description: [
          'Minutes of coordination meetings and official letters with authorities and partners.',
          'Procès-verbaux des réunions de coordination et courriers officiels avec autorités et partenaires.',
          'Actas de reuniones de coordinación y cartas oficiales con autoridades y socios.',
        ],
        purpose: [
          'Keep a record of decisions and commitments',
          'Garder trace des décisions et engagements',
          'Dejar constancia de decisiones y compromisos',
        ],
        label: 'Internal',
        subjects: ['partners', 'staff'],
        legal: 'legitimate',
        retention: 'short',
        tags: ['coordination'],
      },
    ],
  },
  erp: {
    key: 'erp',
    type: 'application',
    name: [
      'Finance and procurement ERP (SAP-like)',
      'ERP finances et achats (type SAP)',
      'ERP de finanzas y compras (tipo SAP)',
    ],
    description: [
      'Enterprise resource planning for budgets, payments, procurement and vendors.',
      'Progiciel de gestion intégré des budgets, paiements, achats et fournisseurs.',
      'Planificación de recursos empresariales para presupuestos, pagos, compras y proveedores.',
    ],
    purpose: [
      'Manage the office’s finances and procurement',
      'Gérer les finances et les achats du bureau',
      'Gestionar las finanzas y compras de la oficina',
    ],
    unit: 'FIN',
    label: 'Confidential',
    hosting: 'erp',
    tags: ['finance', 'erp'],
    datasets: [
      {
        type: 'dataset',
        name: ['Vendor master data', 'Données de base fournisseurs', 'Datos maestros de proveedores'],
        description: [
          'Vendors and individual contractors with bank details and tax identifiers.',
          'Fournisseurs et consultants individuels avec coordonnées bancaires et identifiants fiscaux.',
          'Proveedores y consultores individuales con datos bancarios e identificadores fiscales.',
        ],
        purpose: ['Pay vendors', 'Payer les fournisseurs', 'Pagar a los proveedores'],
        label: 'Confidential',
        subjects: PARTNERS,
        legal: 'obligation',
        retention: 'finance',
        tags: ['vendors'],
      },
      {
        type: 'dataset',
        name: ['Payment vouchers {year}', 'Pièces de paiement {year}', 'Comprobantes de pago {year}'],
        description: [
          'Approved payment vouchers and supporting documents for {year}.',
          "Pièces de paiement approuvées et justificatifs de l'exercice {year}.",
          'Comprobantes de pago aprobados y documentos de respaldo de {year}.',
        ],
        purpose: [
          'Record and audit payments',
          'Enregistrer et auditer les paiements',
          'Registrar y auditar los pagos',
        ],
        label: 'Confidential',
        subjects: PARTNERS,
        legal: 'obligation',
        retention: 'finance',
        tags: ['payments'],
        repeat: 'year',
      },
      {
        type: 'dataset',
        name: ['Project budgets {year}', 'Budgets des projets {year}', 'Presupuestos de proyectos {year}'],
        description: [
          'Budgets, commitments and expenditure per project and donor for {year}.',
          'Budgets, engagements et dépenses par projet et bailleur pour {year}.',
          'Presupuestos, compromisos y gastos por proyecto y donante en {year}.',
        ],
        purpose: ['Monitor spending', 'Suivre les dépenses', 'Dar seguimiento al gasto'],
        label: 'Internal',
        retention: 'finance',
        tags: ['budget'],
        repeat: 'year',
      },
    ],
  },
  hr: {
    key: 'hr',
    type: 'application',
    name: [
      'Human resources information system',
      "Système d'information des ressources humaines",
      'Sistema de información de recursos humanos',
    ],
    description: [
      'Personnel records, contracts, payroll inputs, leave and recruitment of the office’s staff.',
      'Dossiers du personnel, contrats, éléments de paie, congés et recrutement du bureau.',
      'Expedientes del personal, contratos, insumos de nómina, licencias y contratación de la oficina.',
    ],
    purpose: [
      'Administer staff contracts and entitlements',
      'Gérer les contrats et droits du personnel',
      'Administrar los contratos y prestaciones del personal',
    ],
    unit: 'HR',
    label: 'Strictly Confidential',
    hosting: 'hq',
    tags: ['hr'],
    datasets: [
      {
        type: 'dataset',
        name: ['Staff personnel files', 'Dossiers individuels du personnel', 'Expedientes del personal'],
        description: [
          'Contracts, performance evaluations and entitlements of current and former staff.',
          'Contrats, évaluations de performance et droits du personnel actuel et ancien.',
          'Contratos, evaluaciones de desempeño y prestaciones del personal actual y anterior.',
        ],
        purpose: ['Administer employment', "Gérer la relation d'emploi", 'Administrar la relación laboral'],
        label: 'Strictly Confidential',
        subjects: STAFF,
        legal: 'contract',
        retention: 'staff',
        tags: ['personnel'],
      },
      {
        type: 'dataset',
        name: ['Payroll {year}', 'Paie {year}', 'Nómina {year}'],
        description: [
          'Salaries, allowances and deductions of local staff paid in {year}.',
          'Salaires, indemnités et retenues du personnel local payés en {year}.',
          'Salarios, prestaciones y deducciones del personal local pagados en {year}.',
        ],
        purpose: ['Pay staff', 'Payer le personnel', 'Pagar al personal'],
        label: 'Confidential',
        subjects: STAFF,
        legal: 'contract',
        retention: 'finance',
        tags: ['payroll'],
        repeat: 'year',
      },
      {
        type: 'dataset',
        name: ['Medical clearances', 'Certificats d’aptitude médicale', 'Certificados de aptitud médica'],
        description: [
          'Fitness-for-work certificates and sick leave records of staff.',
          "Certificats d'aptitude au travail et congés maladie du personnel.",
          'Certificados de aptitud laboral y licencias por enfermedad del personal.',
        ],
        purpose: [
          'Confirm fitness for duty and manage sick leave',
          "Confirmer l'aptitude au service et gérer les congés maladie",
          'Confirmar la aptitud para el servicio y gestionar licencias médicas',
        ],
        label: 'Strictly Confidential',
        special: ['health'],
        subjects: STAFF,
        legal: 'contract',
        retention: 'staff',
        tags: ['medical'],
        frequency: 0.7,
      },
      {
        type: 'dataset',
        name: [
          'Recruitment applications {year}',
          'Candidatures reçues {year}',
          'Postulaciones recibidas {year}',
        ],
        description: [
          'Applications, tests and interview notes of recruitments run in {year}.',
          'Candidatures, tests et notes d’entretien des recrutements de {year}.',
          'Postulaciones, pruebas y notas de entrevista de los procesos de {year}.',
        ],
        purpose: ['Recruit staff', 'Recruter du personnel', 'Contratar personal'],
        label: 'Confidential',
        subjects: ['public'],
        legal: 'consent',
        retention: 'project',
        tags: ['recruitment'],
        repeat: 'year',
      },
    ],
  },
  archive: {
    key: 'archive',
    type: 'database',
    name: ['Paper archive registry', 'Registre des archives papier', 'Registro del archivo en papel'],
    description: [
      'Index of the paper files kept in the office archive room, box by box.',
      "Index des dossiers papier conservés dans la salle d'archives, boîte par boîte.",
      'Índice de los expedientes en papel guardados en el archivo, caja por caja.',
    ],
    purpose: [
      'Find and dispose of paper records on time',
      'Retrouver et éliminer les dossiers papier à temps',
      'Encontrar y eliminar a tiempo los expedientes en papel',
    ],
    unit: 'COM',
    label: 'Confidential',
    hosting: 'archive',
    tags: ['paper', 'archive'],
    datasets: [
      {
        type: 'paper_records',
        name: [
          'Paper case files {year}',
          'Dossiers papier des bénéficiaires {year}',
          'Expedientes en papel de beneficiarios {year}',
        ],
        description: [
          'Signed consent forms, registration forms and receipts of {year}, in archive boxes.',
          "Formulaires de consentement signés, fiches d'enregistrement et reçus de {year}, en boîtes d'archives.",
          'Formularios de consentimiento firmados, fichas de registro y recibos de {year}, en cajas de archivo.',
        ],
        purpose: [
          'Keep the signed originals of assistance',
          "Conserver les originaux signés de l'assistance",
          'Conservar los originales firmados de la asistencia',
        ],
        label: 'Confidential',
        subjects: BENEFICIARIES,
        legal: 'mandate',
        retention: 'case',
        tags: ['paper'],
        repeat: 'year',
      },
      {
        type: 'paper_records',
        name: ['Historical correspondence', 'Correspondance historique', 'Correspondencia histórica'],
        description: [
          'Letters, agreements and host-country documents since the office opened.',
          "Courriers, accords et documents du pays hôte depuis l'ouverture du bureau.",
          'Cartas, acuerdos y documentos del país anfitrión desde la apertura de la oficina.',
        ],
        purpose: [
          'Preserve the office’s institutional memory',
          'Préserver la mémoire institutionnelle du bureau',
          'Preservar la memoria institucional de la oficina',
        ],
        label: 'Internal',
        retention: 'archive',
        tags: ['paper'],
        frequency: 0.6,
      },
    ],
  },
  dtm: {
    key: 'dtm',
    type: 'database',
    name: [
      'Displacement tracking data warehouse',
      'Entrepôt de données de suivi des déplacements',
      'Almacén de datos de monitoreo del desplazamiento',
    ],
    description: [
      'Cleaned and aggregated displacement figures published on the open data portal.',
      'Chiffres de déplacement nettoyés et agrégés, publiés sur le portail de données ouvertes.',
      'Cifras de desplazamiento depuradas y agregadas, publicadas en el portal de datos abiertos.',
    ],
    purpose: [
      'Publish displacement figures for the humanitarian community',
      'Publier les chiffres de déplacement pour la communauté humanitaire',
      'Publicar cifras de desplazamiento para la comunidad humanitaria',
    ],
    unit: 'PRG',
    label: 'Public',
    hosting: 'azure',
    tags: ['dtm', 'open-data'],
    datasets: [
      {
        type: 'dataset',
        name: [
          'Baseline displacement figures {year}',
          'Chiffres de référence des déplacements {year}',
          'Cifras de referencia de desplazamiento {year}',
        ],
        description: [
          'Internally displaced persons and returnees by admin area, published quarterly in {year}.',
          'Personnes déplacées internes et retournés par zone administrative, publiés chaque trimestre en {year}.',
          'Personas desplazadas internas y retornadas por área administrativa, publicadas en {year}.',
        ],
        purpose: [
          'Inform humanitarian planning',
          'Éclairer la planification humanitaire',
          'Orientar la planificación humanitaria',
        ],
        label: 'Public',
        retention: 'archive',
        tags: ['open-data'],
        repeat: 'year',
      },
      {
        type: 'api',
        name: [
          'Displacement figures API',
          'API des chiffres de déplacement',
          'API de cifras de desplazamiento',
        ],
        description: [
          'Public API serving the published displacement figures to partners’ dashboards.',
          'API publique servant les chiffres publiés aux tableaux de bord des partenaires.',
          'API pública que sirve las cifras publicadas a los tableros de los socios.',
        ],
        purpose: [
          'Share published figures automatically',
          'Partager automatiquement les chiffres publiés',
          'Compartir automáticamente las cifras publicadas',
        ],
        label: 'Public',
        retention: 'archive',
        tags: ['api', 'open-data'],
      },
    ],
  },
};

/** The systems each HQ department runs (country offices run those whose unit they have). */
export const HQ_SYSTEMS: Readonly<Record<string, readonly string[]>> = {
  'HQ-ICT': ['sharepoint', 'kobo'],
  'HQ-LEG': ['sharepoint', 'archive'],
  'HQ-DPO': ['sharepoint'],
  'HQ-HR': ['hr', 'sharepoint', 'archive'],
  'HQ-FIN': ['erp', 'sharepoint', 'archive'],
  'HQ-PRG': ['caseManagement', 'sharepoint'],
  'HQ-MH': ['health', 'sharepoint'],
  'HQ-PRT': ['protection', 'caseManagement'],
  'HQ-EMR': ['kobo', 'sharepoint'],
  'HQ-OIG': ['sharepoint', 'archive'],
  'HQ-COM': ['sharepoint'],
  'HQ-DAT': ['dtm', 'kobo', 'sharepoint'],
};
