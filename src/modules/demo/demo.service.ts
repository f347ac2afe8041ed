import type { RequestContext } from '../../core/audit.js';
import { requirePermission } from '../../core/permissions.js';
import { inTransaction, type ServiceDeps } from '../../core/service-context.js';
import type { AccountsService } from '../accounts/accounts.service.js';
import type { ComplianceService } from '../compliance/compliance.service.js';
import { generatePassword } from '../accounts/passwords.js';
import type { AssetService } from '../inventory/asset.service.js';
import type { DepartmentService } from '../org/department.service.js';
import type { OfficeService } from '../org/office.service.js';
import type { PersonService } from '../org/person.service.js';
import type { RegionService } from '../org/region.service.js';
import type { RolloutService } from '../rollout/rollout.service.js';
import type { ScorecardSnapshotService } from '../scorecard/scorecard.snapshots.js';
import { demoHistoryDates, demoInventoryAsOf } from './demo-scorecard-history.js';
import { isoDate } from '../../core/clock.js';
import { loadDemoAiSystems, type DemoAiServices } from './demo-ai-systems.js';
import { buildDemoInventory, loadDemoInventory } from './demo-inventory.js';
import { buildDemoOrganisation } from './demo-organisation.js';
import { linkDemoCompliance, loadDemoCompliance } from './demo-compliance.js';
import { loadDemoRollout } from './demo-rollout.js';
import { loadDemoAssessments, type DemoAssessmentServices } from './demo-assessments.js';
import { buildDemoRisks, loadDemoRisks, type DemoRiskServices } from './demo-risks.js';
import type { DemoOrganisation } from './demo-types.js';
import { loadDemoSensitiveData, type DemoSensitiveDataServices } from './demo-sensitive-data.js';
import {
  demoUsagePlaces,
  loadDemoUsage,
  type DemoUsageResult,
  type DemoUsageServices,
} from './demo-usage.js';

export interface DemoOrgServices
  extends
    Omit<DemoAssessmentServices, 'offices' | 'assets'>,
    DemoAiServices,
    DemoUsageServices,
    DemoRiskServices,
    DemoSensitiveDataServices {
  regions: RegionService;
  offices: OfficeService;
  departments: DepartmentService;
  people: PersonService;
  accounts: AccountsService;
  rollout: RolloutService;
  assets: AssetService;
  scorecardSnapshots: ScorecardSnapshotService;
  compliance: ComplianceService;
}

export interface DemoLoadResult {
  /** False when the demo organisation was already there (nothing was changed). */
  loaded_organisation: boolean;
  counts: {
    regions: number;
    offices: number;
    departments: number;
    people: number;
    assets: number;
    /** Open actions after the first scorecard snapshot, taken when the inventory is loaded. */
    actions: number;
    /** Assessments: a completed DPIA and an AI impact assessment in draft. */
    assessments: number;
    /** AI systems in the register, some with overdue reviews. */
    ai_systems: number;
    risks: number;
  };
  /** The AI registry system and the AI usage log of the demo (null when already loaded). */
  usage: DemoUsageResult | null;
  /** The demo sign-ins created by this call; their shared password is shown only now. */
  logins: { role: string; email: string }[];
  password: string | null;
}

function idsByKey<T extends { id: string }>(items: T[], key: (item: T) => string): Map<string, string> {
  return new Map(items.map((item) => [key(item), item.id]));
}

function lookup(map: Map<string, string>, key: string, what: string): string {
  const id = map.get(key);
  if (!id) throw new Error(`demo data refers to an unknown ${what} ${key}`);
  return id;
}

/**
 * Loads the fictional demo organisation through the organisation services (permissions, rules and
 * audit events as for any other change), in one transaction, then one sign-in per role.
 * Running it again changes nothing and creates only sign-ins that are missing.
 */
export class DemoService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly services: DemoOrgServices,
  ) {}

  async load(ctx: RequestContext, seed = 1): Promise<DemoLoadResult> {
    requirePermission(ctx.actor, 'system.admin');
    const demo = buildDemoOrganisation(seed);
    const firstRegion = demo.regions[0];
    const present = firstRegion ? await this.services.regions.findByCode(ctx, firstRegion.code) : undefined;
    let assets = 0;
    let actions = 0;
    let assessments = 0;
    let aiSystems = 0;
    let usage: DemoUsageResult | null = null;
    let risks = 0;
    if (!present) {
      assets = await this.loadOrganisation(ctx, demo, seed);
      await loadDemoRollout(this.deps, this.services, ctx, demo, seed);
      const compliance = await loadDemoCompliance(this.deps, this.services, ctx, demo);
      // Twelve weekly snapshots of a made-up past (demo-scorecard-history.ts), so trends have a line,
      // then today's: the dashboard's last point, and the custodians' actions.
      const today = isoDate(this.deps.clock.now());
      await this.services.scorecardSnapshots.recordPast(ctx, demoHistoryDates(today), (assets, asOf) =>
        demoInventoryAsOf(assets, today, asOf, seed),
      );
      const snapshot = await this.services.scorecardSnapshots.take(ctx);
      actions = snapshot.actions.opened;
      assessments = await loadDemoAssessments(this.services, ctx, demo);
      aiSystems = await loadDemoAiSystems(this.deps.clock, this.services, ctx, demo);
      const firstOffice = demo.offices[0];
      const office = firstOffice ? await this.services.offices.findByCode(ctx, firstOffice.code) : undefined;
      if (office)
        usage = await loadDemoUsage(
          this.services,
          ctx,
          office,
          demoUsagePlaces(demo),
          this.deps.clock.now(),
          seed,
        );
      risks = await loadDemoRisks(
        this.services,
        ctx,
        buildDemoRisks(demo, seed),
        isoDate(this.deps.clock.now()),
      );
      // Requirements linked to the risks behind their gaps, and a few evidence files uploaded.
      await linkDemoCompliance(this.services, ctx, compliance);
      // Scans with proposed and confirmed labels, and access violations as actions.
      await loadDemoSensitiveData(this.services, ctx);
    }
    const password = generatePassword();
    const logins: DemoLoadResult['logins'] = [];
    for (const login of demo.logins) {
      if (await this.services.accounts.findUserByEmail(login.email)) continue;
      const person = await this.services.people.findByEmail(ctx, login.person_email);
      await this.services.accounts.createUser(ctx, {
        email: login.email,
        display_name: login.display_name,
        role: login.role,
        password,
        person_id: person?.id ?? null,
        scope_region_ids: await this.regionIds(ctx, login.region_codes ?? []),
        scope_office_ids: await this.officeIds(ctx, login.office_codes ?? []),
      });
      logins.push({ role: login.role, email: login.email });
    }
    return {
      loaded_organisation: !present,
      counts: {
        regions: demo.regions.length,
        offices: demo.offices.length,
        departments: demo.departments.length,
        people: demo.people.length,
        assets,
        actions,
        assessments,
        ai_systems: aiSystems,
        risks,
      },
      usage,
      logins,
      password: logins.length > 0 ? password : null,
    };
  }

  /** The organisation and its data inventory, in one transaction; returns how many assets it holds. */
  private async loadOrganisation(ctx: RequestContext, demo: DemoOrganisation, seed: number): Promise<number> {
    const { regions, offices, departments, people } = this.services;
    return inTransaction(this.deps, ctx, async (trx, audit) => {
      const regionIds = idsByKey(await regions.createManyIn(trx, audit, ctx, demo.regions), (r) => r.code);
      const createdOffices = await offices.createManyIn(
        trx,
        audit,
        ctx,
        demo.offices.map((o) => ({
          code: o.code,
          name: o.name,
          kind: o.kind,
          region_id: o.region_code ? lookup(regionIds, o.region_code, 'region') : null,
          country_code: o.country_code,
          city: o.city,
        })),
      );
      const officeIds = idsByKey(createdOffices, (o) => o.code);
      const createdDepartments = await departments.createManyIn(
        trx,
        audit,
        ctx,
        demo.departments.map((d) => ({
          office_id: lookup(officeIds, d.office_code, 'office'),
          code: d.code,
          name: d.name,
        })),
      );
      const departmentIds = idsByKey(createdDepartments, (d) => `${d.office_id}/${d.code}`);
      const createdPeople = await people.createManyIn(
        trx,
        audit,
        ctx,
        demo.people.map((p) => {
          const officeId = lookup(officeIds, p.office_code, 'office');
          return {
            full_name: p.full_name,
            email: p.email,
            office_id: officeId,
            department_id: lookup(departmentIds, `${officeId}/${p.department_code}`, 'department'),
            job_title: p.job_title,
            governance_roles: p.governance_roles,
          };
        }),
      );
      const personIds = idsByKey(createdPeople, (p) => p.email ?? '');
      const inventory = buildDemoInventory(demo, seed, isoDate(this.deps.clock.now()));
      return loadDemoInventory(trx, audit, ctx, this.services.assets, inventory, {
        office: (code) => lookup(officeIds, code, 'office'),
        department: (officeId, code) => departmentIds.get(`${officeId}/${code}`),
        person: (email) => lookup(personIds, email, 'person'),
      });
    });
  }

  private async regionIds(ctx: RequestContext, codes: string[]): Promise<string[]> {
    const found = await Promise.all(codes.map((code) => this.services.regions.findByCode(ctx, code)));
    return found.flatMap((r) => (r ? [r.id] : []));
  }

  private async officeIds(ctx: RequestContext, codes: string[]): Promise<string[]> {
    const found = await Promise.all(codes.map((code) => this.services.offices.findByCode(ctx, code)));
    return found.flatMap((o) => (o ? [o.id] : []));
  }
}
