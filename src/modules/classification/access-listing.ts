import { errors } from '../../core/errors.js';
import type { ByteInput } from '../../core/tabular/byte-source.js';
import { cell } from '../../core/tabular/cell-types.js';
import { column, defineTable, type RowOf } from '../../core/tabular/columns.js';
import { readSpreadsheet } from '../../core/tabular/read.js';
import { validateRows } from '../../core/tabular/validate-rows.js';
import { PRINCIPAL_TYPES } from './label-policy.schema.js';

/**
 * A permission listing: one row per principal with access to a resource, e.g. a SharePoint
 * sharing report or an export of database grants. The principal types accept the wordings those
 * reports use ("Anyone with the link", "Everyone except external users", "SharePoint group").
 */
export const accessListingTable = defineTable({
  name: 'Access listing',
  columns: [
    column({
      key: 'resource',
      header: 'resource',
      aliases: ['path', 'url', 'item', 'site', 'ressource', 'recurso', 'object', 'table'],
      required: true,
      ...cell.text({ max: 2000 }),
    }),
    column({
      key: 'principal',
      header: 'principal',
      aliases: ['user', 'user or group', 'member', 'grantee', 'identity', 'utilisateur', 'usuario'],
      required: true,
      ...cell.text({ max: 500 }),
    }),
    column({
      key: 'principal_type',
      header: 'principal_type',
      aliases: [
        'principal type',
        'type',
        'user type',
        'member type',
        'type de principal',
        'tipo de principal',
      ],
      required: true,
      ...cell.choice(PRINCIPAL_TYPES, {
        user: ['member', 'internal user', 'utilisateur', 'usuario'],
        group: [
          'security group',
          'sharepoint group',
          'microsoft 365 group',
          'm365 group',
          'role',
          'groupe',
          'grupo',
        ],
        guest: ['guest user', 'invité', 'invitado'],
        external: ['external user', 'externe', 'externo'],
        everyone: ['everyone except external users', 'all users', 'public', 'tout le monde', 'todos'],
        anonymous_link: [
          'anonymous',
          'anyone',
          'anyone with the link',
          'anonymous link',
          'lien anonyme',
          'enlace anónimo',
        ],
      }),
    }),
    column({
      key: 'access_level',
      header: 'access_level',
      aliases: [
        'access level',
        'permission',
        'permissions',
        'role',
        'privilege',
        'niveau d accès',
        'nivel de acceso',
      ],
      required: true,
      ...cell.text({ max: 200 }),
    }),
  ],
});

export type AccessListingRow = RowOf<(typeof accessListingTable)['columns']>;

/** Read and check a listing (CSV or XLSX); any bad row refuses the file with every problem listed. */
export async function readAccessListing(input: ByteInput): Promise<AccessListingRow[]> {
  const table = await readSpreadsheet(input);
  const result = await validateRows(table, accessListingTable);
  if (result.issueCount > 0) throw errors.importInvalid(result.issues);
  return result.valid;
}
