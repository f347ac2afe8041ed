import type { Transaction } from 'kysely';
import type { RequestContext } from '../../core/audit.js';
import { Prng } from '../../core/prng.js';
import type { AuditWriter } from '../../core/service-context.js';
import type { Database } from '../../db/schema.js';
import type { AssetCreateInput } from '../inventory/asset.bulk.js';
import type { AssetService } from '../inventory/asset.service.js';
import type { AssetType, DataSubject, SensitivityLabel, SpecialCategory } from '../inventory/asset.schema.js';
import {
  HOSTING,
  LEGAL_BASES,
  RETENTION,
  say,
  SHARING,
  type DatasetTemplate,
  type Language,
  type SystemTemplate,
  type Text,
} from './demo-inventory-catalogue.js';
import { HQ_SYSTEMS, SYSTEMS } from './demo-inventory-systems.js';
import { DEMO_COUNTRIES } from './countries.js';
import { DEMO_LOGIN_ANCHORS } from './demo-logins.js';
import type { DemoOffice, DemoOrganisation, DemoPerson } from './demo-types.js';
import type { DemoRegionCode } from './regions.js';

/** How far an office has got with its inventory (as in the regional roll-out). */
export type InventoryStage = 'complete' | 'in_progress' | 'onboarding' | 'not_started';

export interface RegionRollout {
  /** Weights of the stages its offices are at: complete, in progress, onboarding, not started. */
  stages: readonly [number, number, number, number];
  /** 0–1: how carefully its offices fill in their records (owners, reviews, legal bases). */
  quality: number;
}

/**
 * The roll-out of the Data Health Scorecard, region by region: Europe and East Africa went first and
 * keep their records well; West Africa records much but keeps it poorly; the Americas north of Panama
 * and South-Eastern Europe have barely started; Southern Africa has not started at all.
 */
export const DEMO_REGION_ROLLOUT: Readonly<Record<DemoRegionCode, RegionRollout>> = {
  EEA: { stages: [6, 3, 1, 0], quality: 0.93 },
  EHA: { stages: [5, 3.5, 1.5, 0], quality: 0.86 },
  MENA: { stages: [3, 4, 2, 1], quality: 0.62 },
  AP: { stages: [2.5, 3.5, 2.5, 1.5], quality: 0.55 },
  SA: { stages: [3, 4, 2, 1], quality: 0.6 },
  CWA: { stages: [2, 4, 2.5, 1.5], quality: 0.33 },
  SEECA: { stages: [0.5, 1.5, 3, 5], quality: 0.3 },
  CNAC: { stages: [0, 0.5, 2.5, 7], quality: 0.45 },
  SAF: { stages: [0, 0, 0, 1], quality: 0.5 },
};
const HQ_ROLLOUT: RegionRollout = { stages: [1, 0, 0, 0], quality: 0.85 };
const STAGES: readonly InventoryStage[] = ['complete', 'in_progress', 'onboarding', 'not_started'];

/** One asset of the demo inventory, keyed by codes and e-mails (no database ids yet). */
export interface DemoAsset {
  /** Unique within the inventory; a held asset names its system's by `system_ref`. */
  ref: string;
  system_ref: string | null;
  office_code: string;
  department_code: string | null;
  data_owner_email: string | null;
  data_custodian_email: string | null;
  data_steward_email: string | null;
  focal_point_email: string | null;
  name: string;
  description: string | null;
  asset_type: AssetType;
  sensitivity_label: SensitivityLabel | null;
  personal_data: boolean;
  special_categories: SpecialCategory[];
  data_subjects: DataSubject[];
  legal_basis: string | null;
  purpose: string | null;
  retention: string | null;
  hosting_location: string | null;
  sharing_agreements: string | null;
  tags: string[];
  last_reviewed: string | null;
  last_access_review: string | null;
}

export interface DemoInventory {
  /** Systems (and anything not held by one): created first. */
  systems: DemoAsset[];
  /** Assets held by the systems; owner fields left empty inherit the system's. */
  held: DemoAsset[];
  /** Each office's stage, by office code. */
  stages: Map<string, InventoryStage>;
}

/** Country offices working in French or Spanish (the rest, and HQ, record in English). */
const FRENCH_POOLS = new Set(['fr', 'fr_africa']);
const FRENCH_SPEAKING_ARAB_STATES = new Set(['DZ', 'LB', 'MA', 'MR', 'TN']);
const NAME_POOL_BY_COUNTRY = new Map(
  Object.values(DEMO_COUNTRIES).flatMap((countries) => countries.map(([iso, , , pool]) => [iso, pool])),
);

export function officeLanguage(office: Pick<DemoOffice, 'kind' | 'country_code'>): Language {
  if (office.kind !== 'country_office') return 'en';
  const pool = NAME_POOL_BY_COUNTRY.get(office.country_code);
  if ((pool && FRENCH_POOLS.has(pool)) || FRENCH_SPEAKING_ARAB_STATES.has(office.country_code)) return 'fr';
  return pool === 'es' ? 'es' : 'en';
}

const TO_COMPLETE: Text = ['To be completed', 'À compléter', 'Por completar'];

/**
 * A realistic data inventory for the demo organisation: each office runs the systems its units need
 * (case management, protection, health, KoboToolbox, SharePoint, ERP, HR, paper archive) holding
 * datasets named in the office's language, as far as its region's roll-out has got, and filled in as
 * carefully as its region does. Pure and deterministic: the same organisation, seed and date give
 * the same inventory. `today` (YYYY-MM-DD) anchors review dates and years.
 */
export function buildDemoInventory(org: DemoOrganisation, seed: number, today: string): DemoInventory {
  const prng = new Prng(seed * 7919 + 17);
  const anchors = new Set<string>(DEMO_LOGIN_ANCHORS.countryOffices);
  const staff = groupBy(org.people, (p) => p.office_code);
  const units = groupBy(org.departments, (d) => d.office_code);
  const inventory: DemoInventory = { systems: [], held: [], stages: new Map() };
  for (const office of org.offices) {
    const rollout = office.region_code
      ? DEMO_REGION_ROLLOUT[office.region_code as DemoRegionCode]
      : HQ_ROLLOUT;
    let stage = prng.weighted(STAGES.map((s, i) => [s, rollout.stages[i] ?? 0] as const));
    // The offices of the demo sign-ins show a full inventory, however well kept.
    if (anchors.has(office.code)) stage = 'complete';
    inventory.stages.set(office.code, stage);
    if (stage === 'not_started') continue;
    const officer = new OfficeInventory(prng, office, {
      stage,
      quality: Math.min(0.98, Math.max(0.05, rollout.quality + (prng.next() - 0.5) * 0.3)),
      today,
      people: staff.get(office.code) ?? [],
      units: new Set((units.get(office.code) ?? []).map((d) => d.code)),
    });
    officer.record(inventory);
  }
  return inventory;
}

interface OfficeSetting {
  stage: Exclude<InventoryStage, 'not_started'>;
  quality: number;
  today: string;
  people: readonly DemoPerson[];
  units: ReadonlySet<string>;
}

interface Owners {
  data_owner_email: string | null;
  data_custodian_email: string | null;
  data_steward_email: string | null;
  focal_point_email: string | null;
}

/** One office's inventory: which systems and datasets it records, and how well. */
class OfficeInventory {
  private readonly language: Language;
  private readonly year: number;
  private readonly hosting: Record<string, string>;
  private count = 0;

  constructor(
    private readonly prng: Prng,
    private readonly office: DemoOffice,
    private readonly setting: OfficeSetting,
  ) {
    this.language = officeLanguage(office);
    this.year = Number(setting.today.slice(0, 4));
    const country = office.name.replace(/ Country Office$/, '');
    this.hosting = Object.fromEntries(
      Object.entries(HOSTING).map(([key, text]) => [
        key,
        text
          .replace('{city}', office.city)
          .replace('{country}', office.kind === 'country_office' ? country : 'Switzerland'),
      ]),
    );
  }

  record(inventory: DemoInventory): void {
    const { stage } = this.setting;
    let systems = this.systemTemplates();
    if (stage === 'in_progress') {
      const kept = systems.filter(() => this.prng.chance(0.6));
      systems = kept.length > 0 ? kept : systems.slice(0, 1);
    } else if (stage === 'onboarding') {
      systems = this.prng.shuffle(systems).slice(0, this.prng.int(1, 2));
    }
    const years =
      stage === 'complete' ? this.prng.int(3, 4) : stage === 'in_progress' ? this.prng.int(1, 2) : 1;
    const rounds =
      stage === 'complete' ? this.prng.int(3, 6) : stage === 'in_progress' ? this.prng.int(1, 3) : 1;
    for (const template of systems) {
      const system = this.system(template);
      inventory.systems.push(system);
      let datasets = template.datasets.filter((d) =>
        this.prng.chance((d.frequency ?? 1) * (stage === 'complete' ? 1 : 0.7)),
      );
      if (stage === 'onboarding') datasets = datasets.slice(0, this.prng.int(1, 3));
      for (const dataset of datasets) {
        const instances =
          dataset.repeat === 'year'
            ? Array.from({ length: years }, (_, i) => ({ year: String(this.year - i), round: '' }))
            : dataset.repeat === 'round'
              ? Array.from({ length: rounds }, (_, i) => ({ year: '', round: String(i + 1) }))
              : [{ year: '', round: '' }];
        for (const at of instances) inventory.held.push(this.dataset(template, system, dataset, at));
      }
    }
  }

  /** Country offices run the systems of the units they have; the archive and SharePoint always. */
  private systemTemplates(): SystemTemplate[] {
    if (this.office.kind !== 'country_office')
      return (HQ_SYSTEMS[this.office.code] ?? ['sharepoint']).map((key) => SYSTEMS[key]!);
    return Object.values(SYSTEMS).filter((template) =>
      template.key === 'dtm' ? this.prng.chance(0.35) : this.setting.units.has(template.unit),
    );
  }

  private system(template: SystemTemplate): DemoAsset {
    const q = this.setting.quality;
    const label = this.prng.chance(0.55 + 0.45 * q) ? template.label : null;
    return {
      ...this.base(template.key, null, template.unit),
      ...this.owners(template.unit),
      name: say(template.name, this.language),
      description: this.description(template.description, {}),
      asset_type: template.type,
      sensitivity_label: label,
      personal_data: false,
      special_categories: [],
      data_subjects: [],
      legal_basis: null,
      purpose: this.prng.chance(0.45 + 0.55 * q) ? say(template.purpose, this.language) : null,
      retention: null,
      hosting_location: this.prng.chance(0.7 + 0.3 * q) ? (this.hosting[template.hosting] ?? null) : null,
      sharing_agreements: null,
      tags: [...template.tags],
      ...this.reviews(label),
    };
  }

  private dataset(
    template: SystemTemplate,
    system: DemoAsset,
    dataset: DatasetTemplate,
    at: { year: string; round: string },
  ): DemoAsset {
    const q = this.setting.quality;
    const fill = (text: Text) =>
      say(text, this.language)
        .replaceAll('{year}', at.year)
        .replaceAll('{round}', at.round)
        .replaceAll('{city}', this.office.city);
    const personal = dataset.subjects !== undefined;
    const label = this.prng.chance(0.55 + 0.45 * q) ? dataset.label : null;
    // An old year's dataset is more often forgotten: its review dates age with it.
    const stale = at.year !== '' && Number(at.year) < this.year - 1 && this.prng.chance(0.3);
    return {
      ...this.base(template.key, system.ref, template.unit),
      // Owner, custodian and focal point come from the system; a steward is named per dataset.
      data_owner_email: null,
      data_custodian_email: null,
      data_steward_email: this.prng.chance(0.3 * q) ? this.person('data_steward', template.unit) : null,
      focal_point_email: null,
      name: fill(dataset.name),
      description: this.description(dataset.description, at),
      asset_type: dataset.type,
      sensitivity_label: label,
      personal_data: personal,
      special_categories: personal ? [...(dataset.special ?? [])] : [],
      data_subjects: [...(dataset.subjects ?? [])],
      legal_basis:
        personal && dataset.legal && this.prng.chance(0.3 + 0.7 * q)
          ? say(LEGAL_BASES[dataset.legal], this.language)
          : null,
      purpose: this.prng.chance(0.45 + 0.55 * q) ? fill(dataset.purpose) : null,
      retention: this.prng.chance(0.3 + 0.7 * q) ? say(RETENTION[dataset.retention], this.language) : null,
      hosting_location: system.hosting_location,
      sharing_agreements: dataset.sharing ? say(SHARING[dataset.sharing], this.language) : null,
      tags: [...new Set([...template.tags.slice(0, 1), ...dataset.tags, ...(at.year ? [at.year] : [])])],
      ...this.reviews(label, stale),
    };
  }

  private base(
    key: string,
    systemRef: string | null,
    unit: string,
  ): Pick<DemoAsset, 'ref' | 'system_ref' | 'office_code' | 'department_code'> {
    this.count += 1;
    return {
      ref: `${this.office.code}/${key}/${this.count}`,
      system_ref: systemRef,
      office_code: this.office.code,
      department_code: this.setting.units.has(unit) ? unit : null,
    };
  }

  private description(text: Text, at: { year?: string; round?: string }): string | null {
    const q = this.setting.quality;
    if (this.prng.chance(0.55 + 0.45 * q))
      return say(text, this.language)
        .replaceAll('{year}', at.year ?? '')
        .replaceAll('{round}', at.round ?? '')
        .replaceAll('{city}', this.office.city);
    return this.prng.chance(0.5) ? say(TO_COMPLETE, this.language) : null;
  }

  /** A system's people: the head owns, a custodian keeps it, a steward of the unit, the focal point. */
  private owners(unit: string): Owners {
    const q = this.setting.quality;
    return {
      data_owner_email: this.prng.chance(0.5 + 0.5 * q) ? this.person('data_owner', unit) : null,
      data_custodian_email: this.prng.chance(q) ? this.person('data_custodian', 'ICT') : null,
      data_steward_email: this.prng.chance(q) ? this.person('data_steward', unit) : null,
      focal_point_email: this.prng.chance(0.7 + 0.3 * q) ? this.person('focal_point', unit) : null,
    };
  }

  /** Someone of the office with that governance role (preferring the unit), else of the unit, else anyone. */
  private person(role: DemoPerson['governance_roles'][number], unit: string): string | null {
    const people = this.setting.people;
    const holders = people.filter((p) => p.governance_roles.includes(role));
    const candidates =
      holders.filter((p) => p.department_code === unit).length > 0
        ? holders.filter((p) => p.department_code === unit)
        : holders.length > 0
          ? holders
          : people.filter((p) => p.department_code === unit);
    if (candidates.length === 0) return people[0]?.email ?? null;
    return this.prng.pick(candidates).email;
  }

  /** Review dates: recent in careful offices, old or missing elsewhere. */
  private reviews(
    label: SensitivityLabel | null,
    stale = false,
  ): Pick<DemoAsset, 'last_reviewed' | 'last_access_review'> {
    const q = stale ? this.setting.quality / 3 : this.setting.quality;
    const date = () =>
      this.prng.chance(q)
        ? daysBefore(this.setting.today, this.prng.int(5, 330))
        : this.prng.chance(0.5)
          ? daysBefore(this.setting.today, this.prng.int(400, 1400))
          : null;
    const restricted = label === 'Confidential' || label === 'Strictly Confidential';
    return { last_reviewed: date(), last_access_review: restricted ? date() : null };
  }
}

function daysBefore(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** The database ids the demo organisation was given, by code and e-mail. */
export interface DemoIds {
  office: (code: string) => string;
  department: (officeId: string, code: string) => string | undefined;
  person: (email: string) => string;
}

/**
 * Create the inventory through the inventory's bulk path (the rules, inheritance and one audit event
 * per asset, as for an import), in the caller's transaction: the systems first, then what they hold.
 * Returns how many assets were created.
 */
export async function loadDemoInventory(
  trx: Transaction<Database>,
  audit: AuditWriter,
  ctx: RequestContext,
  assets: AssetService,
  inventory: DemoInventory,
  ids: DemoIds,
): Promise<number> {
  const systemIds = new Map<string, string>();
  const person = (email: string | null) => (email === null ? null : ids.person(email));
  const toInput = (asset: DemoAsset): AssetCreateInput => {
    const {
      ref: _ref,
      system_ref,
      office_code,
      department_code,
      data_owner_email,
      data_custodian_email,
      data_steward_email,
      focal_point_email,
      ...fields
    } = asset;
    const officeId = ids.office(office_code);
    return {
      ...fields,
      office_id: officeId,
      department_id: department_code ? (ids.department(officeId, department_code) ?? null) : null,
      system_id: system_ref ? (systemIds.get(system_ref) ?? null) : null,
      data_owner_id: person(data_owner_email),
      data_custodian_id: person(data_custodian_email),
      data_steward_id: person(data_steward_email),
      focal_point_id: person(focal_point_email),
    };
  };
  const systems = await assets.createManyIn(trx, audit, ctx, inventory.systems.map(toInput));
  inventory.systems.forEach((asset, i) => systemIds.set(asset.ref, systems[i]!.id));
  const held = await assets.createManyIn(trx, audit, ctx, inventory.held.map(toInput));
  return systems.length + held.length;
}
