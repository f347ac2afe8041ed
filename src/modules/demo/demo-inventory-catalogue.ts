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

export const BENEFICIARIES: readonly DataSubject[] = ['beneficiaries_migrants'];
export const STAFF: readonly DataSubject[] = ['staff'];
export const PARTNERS: readonly DataSubject[] = ['partners'];
