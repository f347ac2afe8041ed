import { foldForSearch } from '../../db/dialect.js';
import { GOVERNANCE_ROLES, type GovernanceRole, type Person } from './org.schema.js';
import type { PersonRow } from './person.repository.js';

/* How a person is stored and shown: roles as a JSON array, active as 0/1 in the table. */

export function presentPerson(row: PersonRow): Person {
  const { search_text: _searchText, governance_roles, active, ...rest } = row;
  return {
    ...rest,
    governance_roles: JSON.parse(governance_roles) as GovernanceRole[],
    active: active === 1,
  };
}

/** Each role once, in the catalogue's order, so equal sets are stored (and audited) identically. */
export function storedRoles(roles: readonly GovernanceRole[]): string {
  return JSON.stringify(GOVERNANCE_ROLES.filter((role) => roles.includes(role)));
}

/** Name, e-mail and job title, folded for case- and accent-insensitive search. */
export function personSearchText(person: Pick<PersonRow, 'full_name' | 'email' | 'job_title'>): string {
  return foldForSearch(person.full_name, person.email, person.job_title);
}
