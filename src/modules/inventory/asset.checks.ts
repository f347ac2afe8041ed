import { AppError, errors, type FieldIssue } from '../../core/errors.js';
import { inScope, type Actor } from '../../core/permissions.js';
import { throwIfIssues } from '../org/org.validation.js';
import type { AssetRow } from './asset.present.js';
import type { AssetRepository, DepartmentRef, OfficeRef, PersonRef } from './asset.repository.js';
import { notASystem } from './asset.rules.js';
import { OWNERSHIP_FIELDS, type OwnershipField } from './asset.schema.js';

/*
 * The checks of a write that need the database: where an asset is placed, the system holding it, the
 * people it names, and whether the caller may write it. Shared by single writes (which answer with the
 * first problem's status) and bulk writes (which report every problem on its row).
 */

/** A problem with one record: `not_found` and `forbidden` answer 404 and 403 on a single write. */
export interface AssetIssue extends FieldIssue {
  kind: 'invalid' | 'not_found' | 'forbidden';
  /** For not_found: what was looked for. */
  entity?: string;
  id?: string;
}

const invalid = (path: string, message: string): AssetIssue => ({ kind: 'invalid', path, message });

/** How deep systems may nest before a chain is taken for a loop (real ones nest once or twice). */
const MAX_SYSTEM_DEPTH = 32;

/**
 * A single write's answer to its problems: an unknown or hidden reference first (404 naming the
 * field, as for a record that does not exist), then a refusal (403), then every other problem (400).
 */
export function throwAssetIssues(issues: readonly AssetIssue[]): void {
  const missing = issues.find((issue) => issue.kind === 'not_found');
  if (missing) throw errors.unknownReference(missing.entity ?? 'record', missing.id ?? '', missing.path);
  const refused = issues.find((issue) => issue.kind === 'forbidden');
  if (refused) throw new AppError('forbidden', refused.message, { field: refused.path });
  throwIfIssues(issues.map(({ path, message }) => ({ path, message })));
}

/** A batch's form of the same problems: each on its row, with its message. */
export function rowAssetIssues(issues: readonly AssetIssue[], row: number): FieldIssue[] {
  return issues.map(({ path, message }) => ({ row, path, message }));
}

/** The custodian rule: see AssetService. */
export function custodianIssues(actor: Actor, custodianId: string | null): AssetIssue[] {
  if (actor.role !== 'data_custodian') return [];
  if (actor.personId !== null && custodianId === actor.personId) return [];
  return [
    {
      kind: 'forbidden',
      path: 'data_custodian_id',
      message:
        actor.personId === null
          ? 'A data custodian changes assets as their person in the organisation, and your account is linked to none'
          : 'A data custodian may change only assets of which they are the data custodian',
    },
  ];
}

/** Looks each referenced record up once, within one write or batch; `db` is the writing transaction. */
export class AssetChecks {
  private readonly officeCache = new Map<string, Promise<OfficeRef | undefined>>();
  private readonly departmentCache = new Map<string, Promise<DepartmentRef | undefined>>();
  private readonly personCache = new Map<string, Promise<PersonRef | undefined>>();
  private readonly assetCache = new Map<string, Promise<AssetRow | undefined>>();

  constructor(
    private readonly repo: AssetRepository,
    private readonly actor: Actor,
  ) {}

  /** The office must be one the caller can see; the department, one of that office. */
  async placement(officeId: string, departmentId: string | null): Promise<AssetIssue[]> {
    const office = inScope(this.actor, officeId)
      ? await cached(this.officeCache, officeId, async (id) => (await this.repo.offices([id])).get(id))
      : undefined;
    if (!office)
      return [
        {
          kind: 'not_found',
          path: 'office_id',
          message: `office ${officeId} was not found`,
          entity: 'office',
          id: officeId,
        },
      ];
    if (departmentId === null) return [];
    const department = await cached(this.departmentCache, departmentId, async (id) =>
      (await this.repo.departments([id])).get(id),
    );
    if (department?.office_id === office.id) return [];
    return [
      invalid(
        'department_id',
        `department ${departmentId} is not a department of office ${office.code}; send department_id (or null) with office_id`,
      ),
    ];
  }

  /**
   * The system an asset is put under: visible to the caller, an application or database, and not the
   * asset itself or one of the assets it holds (no loops). `selfId` is null for a new asset.
   */
  async system(
    systemId: string,
    selfId: string | null,
  ): Promise<{ system?: AssetRow; issues: AssetIssue[] }> {
    const system = await this.asset(systemId);
    if (!system || !inScope(this.actor, system.office_id))
      return {
        issues: [
          {
            kind: 'not_found',
            path: 'system_id',
            message: `asset ${systemId} was not found`,
            entity: 'asset',
            id: systemId,
          },
        ],
      };
    const why = notASystem(system);
    if (why) return { system, issues: [invalid('system_id', why)] };
    if (selfId !== null && (await this.holds(selfId, system))) {
      return {
        system,
        issues: [invalid('system_id', `asset ${systemId} is this asset or one of the assets it holds`)],
      };
    }
    return { system, issues: [] };
  }

  /** Each person named must be a person of the organisation, and active when newly named. */
  async people(values: Partial<Record<OwnershipField, string | null>>): Promise<AssetIssue[]> {
    const issues: AssetIssue[] = [];
    for (const field of OWNERSHIP_FIELDS) {
      const id = values[field];
      if (id === undefined || id === null) continue;
      const person = await cached(this.personCache, id, async (key) =>
        (await this.repo.people([key])).get(key),
      );
      if (!person) issues.push(invalid(field, `person ${id} is not a person of the organisation`));
      else if (person.active !== 1) issues.push(invalid(field, `person ${id} is inactive`));
    }
    return issues;
  }

  /** An asset as this batch will leave it (see `plan`), else as stored. */
  asset(id: string): Promise<AssetRow | undefined> {
    return cached(this.assetCache, id, (key) => this.repo.findById(key));
  }

  /** Later checks in the same batch see `row` as it will be written. */
  plan(row: AssetRow): void {
    this.assetCache.set(row.id, Promise.resolve(row));
  }

  /** Whether `selfId` is `system` or one of the systems above it. */
  private async holds(selfId: string, system: AssetRow): Promise<boolean> {
    let current: AssetRow | undefined = system;
    for (let depth = 0; current && depth < MAX_SYSTEM_DEPTH; depth += 1) {
      if (current.id === selfId) return true;
      current = current.system_id === null ? undefined : await this.asset(current.system_id);
    }
    return current !== undefined;
  }
}

function cached<T>(
  cache: Map<string, Promise<T>>,
  key: string,
  load: (key: string) => Promise<T>,
): Promise<T> {
  let found = cache.get(key);
  if (!found) {
    found = load(key);
    cache.set(key, found);
  }
  return found;
}
