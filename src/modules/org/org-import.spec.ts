import { z } from 'zod';
import { cell } from '../../core/tabular/cell-types.js';
import { column, defineTable, type RowOf } from '../../core/tabular/columns.js';
import {
  countryCodeSchema,
  GOVERNANCE_ROLES,
  OFFICE_KINDS,
  officeCodeSchema,
  regionCodeSchema,
} from './org.schema.js';

/*
 * The spreadsheet layouts of the organisation: one table spec per kind serves the template, the
 * export and the import. Headers are matched ignoring case, accents and punctuation, and the
 * aliases accept the French and Spanish headers people write.
 */

/** Codes as people type them: any case, surrounding spaces forgiven. */
const codeCell = { schema: officeCodeSchema, hint: 'code, e.g. KE-NBO' };

/** Drop-down values that depend on the caller: the offices and regions they may use. */
export interface SpecChoices {
  officeCodes?: readonly string[];
  regionCodes?: readonly string[];
}

function choices(values: readonly string[] | undefined) {
  return values && values.length > 0 ? { choices: values } : {};
}

export function peopleTable(options: SpecChoices = {}) {
  return defineTable({
    name: 'People',
    columns: [
      column({
        key: 'email',
        header: 'E-mail',
        aliases: [
          'E-mail address',
          'Courriel',
          'Adresse e-mail',
          'Adresse électronique',
          'Correo',
          'Correo electrónico',
        ],
        required: true,
        ...cell.email(),
        description: 'Work e-mail address; identifies the person: a known e-mail updates that person',
        example: 'amina.odhiambo@example.org',
        width: 34,
      }),
      column({
        key: 'full_name',
        header: 'Full name',
        aliases: ['Name', 'Nom complet', 'Nom', 'Nombre completo', 'Nombre'],
        required: true,
        ...cell.text({ max: 200 }),
        description: 'First and last name as the person writes them',
        example: 'Amina Odhiambo',
        width: 28,
      }),
      column({
        key: 'office_code',
        header: 'Office code',
        aliases: ['Office', 'Code du bureau', 'Bureau', 'Código de oficina', 'Oficina'],
        required: true,
        ...codeCell,
        ...choices(options.officeCodes),
        description: 'Code of the office the person works in; one of the offices you manage',
        example: 'KE-NBO',
      }),
      column({
        key: 'department_code',
        header: 'Department code',
        aliases: [
          'Department',
          'Code du département',
          'Département',
          'Código de departamento',
          'Departamento',
        ],
        ...codeCell,
        description: 'Code of a department of that office; empty for none',
        example: 'DATA',
      }),
      column({
        key: 'job_title',
        header: 'Job title',
        aliases: ['Title', 'Fonction', 'Intitulé du poste', 'Poste', 'Cargo', 'Puesto'],
        ...cell.text({ max: 200 }),
        example: 'Data officer',
        width: 28,
      }),
      column({
        key: 'governance_roles',
        header: 'Governance roles',
        aliases: ['Roles', 'Rôles de gouvernance', 'Roles de gobernanza', 'Funciones de gobernanza'],
        ...cell.choiceList(GOVERNANCE_ROLES, {
          data_owner: ['owner', 'propriétaire des données', 'propietario de los datos'],
          data_custodian: ['custodian', 'dépositaire des données', 'custodio de los datos'],
          data_steward: ['steward', 'intendant des données', 'administrador de los datos'],
          focal_point: ['point focal', 'punto focal'],
        }),
        description: 'Data governance roles of the person; empty for none',
        example: 'data_owner; focal_point',
        width: 30,
      }),
      column({
        key: 'active',
        header: 'Active',
        aliases: ['Actif', 'Activo'],
        ...cell.boolean(),
        description:
          'no for someone who left (kept for the history); empty keeps the current value (new people are active)',
        example: 'yes',
      }),
    ],
    unique: ['email'],
    instructions: [
      'One row per person. A row whose e-mail is already known updates that person; a new e-mail adds a person.',
      'An empty cell clears the value (department, job title, roles). To keep values as they are, remove the whole column.',
      'Import with "dry run" first: it lists every problem by row and column and changes nothing.',
    ],
  });
}

const officeKind = cell.choice(OFFICE_KINDS, {
  country_office: ['country', 'bureau de pays', 'oficina de país', 'oficina en el país'],
  hq_department: ['headquarters', 'HQ', 'siège', 'département du siège', 'sede', 'departamento de la sede'],
});

export function officesTable(options: SpecChoices = {}) {
  return defineTable({
    name: 'Offices',
    columns: [
      column({
        key: 'code',
        header: 'Code',
        aliases: ['Office code', 'Code du bureau', 'Código', 'Código de oficina'],
        required: true,
        ...codeCell,
        description: 'Unique office code; identifies the office: a known code updates that office',
        example: 'KE-NBO',
      }),
      column({
        key: 'name',
        header: 'Name',
        aliases: ['Office name', 'Nom', 'Nom du bureau', 'Nombre', 'Nombre de la oficina'],
        required: true,
        ...cell.text({ max: 200 }),
        example: 'Kenya Country Office',
        width: 32,
      }),
      column({
        key: 'kind',
        header: 'Kind',
        aliases: ['Type', 'Office kind', 'Type de bureau', 'Tipo', 'Tipo de oficina'],
        ...officeKind,
        description: 'country_office or hq_department; needed for a new office, empty keeps the current kind',
        example: 'country_office',
      }),
      column({
        key: 'region_code',
        header: 'Region code',
        aliases: ['Region', 'Code de la région', 'Région', 'Código de región', 'Región'],
        schema: z.string().trim().toUpperCase().pipe(regionCodeSchema),
        hint: 'code, e.g. EHOA',
        ...choices(options.regionCodes),
        description: 'Region of the office; required for a country office',
        example: 'EHOA',
      }),
      column({
        key: 'country_code',
        header: 'Country code',
        aliases: ['Country', 'Code pays', 'Pays', 'Código de país', 'País'],
        schema: countryCodeSchema,
        hint: 'ISO 3166-1 alpha-2 code, e.g. KE',
        description: 'Country of the office; required for a country office',
        example: 'KE',
      }),
      column({
        key: 'city',
        header: 'City',
        aliases: ['Ville', 'Ciudad'],
        ...cell.text({ max: 200 }),
        example: 'Nairobi',
      }),
    ],
    unique: ['code'],
    instructions: [
      'One row per office. A row whose code is already known updates that office; a new code adds an office.',
      'An empty cell clears the value (region, country, city). To keep values as they are, remove the whole column.',
      'Import with "dry run" first: it lists every problem by row and column and changes nothing.',
    ],
  });
}

export const PEOPLE_TABLE = peopleTable();
export const OFFICES_TABLE = officesTable();
export type PeopleRow = RowOf<typeof PEOPLE_TABLE.columns>;
export type OfficesRow = RowOf<typeof OFFICES_TABLE.columns>;
export type PeopleColumn = keyof PeopleRow;
export type OfficesColumn = keyof OfficesRow;
