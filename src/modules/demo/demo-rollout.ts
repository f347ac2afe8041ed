import type { RequestContext } from '../../core/audit.js';
import { isoDate } from '../../core/clock.js';
import { Prng } from '../../core/prng.js';
import { inTransaction, type ServiceDeps } from '../../core/service-context.js';
import type { OfficeService } from '../org/office.service.js';
import type { PersonService } from '../org/person.service.js';
import type { RegionService } from '../org/region.service.js';
import type { RolloutService } from '../rollout/rollout.service.js';
import type { OnboardingStatus } from '../rollout/rollout.schema.js';
import type { DemoOrganisation } from './demo-types.js';

/**
 * The demo organisation's roll-out: four regions under way (those the scoped demo sign-ins cover),
 * the other five not rolled out yet (no waves). Dates are relative to the day the demo is loaded, so
 * it always shows a finished pilot, a wave under way with some offices overdue, and one planned.
 */
export const DEMO_ROLLOUT_REGIONS = ['EHA', 'CWA', 'MENA', 'SA'] as const;

export interface DemoWave {
  region_code: string;
  number: number;
  name: string;
  planned_start: string;
  planned_end: string;
}

export interface DemoOfficeRollout {
  office_code: string;
  wave: { region_code: string; number: number };
  status: OnboardingStatus;
  focal_point_email: string | null;
  target_date: string;
  actual_date: string | null;
}

export interface DemoRollout {
  waves: DemoWave[];
  offices: DemoOfficeRollout[];
}

const WAVE_NAMES = ['Pilot', 'Scale-up', 'Consolidation'];

/** Pure and deterministic: the same organisation, day and seed give the same roll-out. */
export function buildDemoRollout(demo: DemoOrganisation, today: string, seed = 1): DemoRollout {
  const prng = new Prng(seed + 7);
  const waves: DemoWave[] = [];
  const offices: DemoOfficeRollout[] = [];
  DEMO_ROLLOUT_REGIONS.forEach((regionCode, index) => {
    // The first regions started earlier and have a third wave planned.
    const count = index < 2 ? 3 : 2;
    const starts = [-240 + 30 * index, -90 + 15 * index, 60];
    const ends = [-90 + 15 * index, 45 + 15 * index, 240];
    for (let number = 1; number <= count; number += 1)
      waves.push({
        region_code: regionCode,
        number,
        name: WAVE_NAMES[number - 1]!,
        planned_start: addDays(today, starts[number - 1]!),
        planned_end: addDays(today, ends[number - 1]!),
      });
    const regional = demo.offices
      .filter((office) => office.region_code === regionCode)
      .map((office) => office.code)
      .sort();
    const perWave = Math.ceil(regional.length / count);
    regional.forEach((officeCode, position) => {
      const number = Math.min(count, Math.floor(position / perWave) + 1);
      const wave = waves.find((w) => w.region_code === regionCode && w.number === number)!;
      offices.push({
        office_code: officeCode,
        wave: { region_code: regionCode, number },
        focal_point_email:
          demo.people.find((p) => p.office_code === officeCode && p.governance_roles.includes('focal_point'))
            ?.email ?? null,
        ...progressIn(wave, number, today, prng),
      });
    });
  });
  return { waves, offices };
}

/** Where an office of a wave stands: the pilot mostly done, the current wave mixed, the next not begun. */
function progressIn(
  wave: DemoWave,
  number: number,
  today: string,
  prng: Prng,
): Pick<DemoOfficeRollout, 'status' | 'target_date' | 'actual_date'> {
  if (number === 1) {
    if (prng.chance(0.75))
      return {
        status: 'complete',
        target_date: wave.planned_end,
        actual_date: addDays(wave.planned_end, prng.int(-40, 10)),
      };
    return {
      status: prng.pick(['onboarding', 'inventory_in_progress'] as const),
      target_date: wave.planned_end,
      actual_date: null,
    };
  }
  if (number === 2) {
    const status = prng.weighted<OnboardingStatus>([
      ['complete', 2],
      ['inventory_in_progress', 3],
      ['onboarding', 3],
      ['not_started', 2],
    ]);
    if (status === 'complete')
      return { status, target_date: wave.planned_end, actual_date: addDays(today, -prng.int(1, 30)) };
    // Some offices promised an early date and missed it.
    const target = prng.chance(0.3) ? addDays(today, -prng.int(3, 45)) : wave.planned_end;
    return { status, target_date: target, actual_date: null };
  }
  return { status: 'not_started', target_date: wave.planned_end, actual_date: null };
}

function addDays(date: string, days: number): string {
  return isoDate(new Date(Date.parse(date) + days * 86_400_000));
}

export interface DemoRolloutServices {
  regions: RegionService;
  offices: OfficeService;
  people: PersonService;
  rollout: RolloutService;
}

/**
 * Write the demo roll-out through the roll-out service (rules and audit as for any change), in one
 * transaction; regions, offices and people are looked up first, outside it.
 */
export async function loadDemoRollout(
  deps: ServiceDeps,
  services: DemoRolloutServices,
  ctx: RequestContext,
  demo: DemoOrganisation,
  seed = 1,
): Promise<void> {
  const plan = buildDemoRollout(demo, isoDate(deps.clock.now()), seed);
  const regionIds = new Map((await services.regions.list(ctx)).map((r) => [r.code, r.id]));
  const officeIds = new Map<string, string>();
  for (const entry of plan.offices) {
    const office = await services.offices.findByCode(ctx, entry.office_code);
    if (office) officeIds.set(office.code, office.id);
  }
  const emails = plan.offices.flatMap((o) => (o.focal_point_email ? [o.focal_point_email] : []));
  const personIds = new Map(
    (await services.people.findManyByEmail(ctx, emails)).map((person) => [person.email, person.id]),
  );
  await inTransaction(deps, ctx, async (trx, audit) => {
    const waveIds = new Map<string, string>();
    for (const { region_code: code, ...fields } of plan.waves) {
      const input = { region_id: known(regionIds, code, 'region'), ...fields };
      const created = await services.rollout.createWaveIn(trx, audit, ctx, input);
      waveIds.set(`${code}/${fields.number}`, created.id);
    }
    for (const entry of plan.offices)
      await services.rollout.setOfficeIn(trx, audit, ctx, known(officeIds, entry.office_code, 'office'), {
        status: entry.status,
        wave_id: known(waveIds, `${entry.wave.region_code}/${entry.wave.number}`, 'wave'),
        focal_point_id: entry.focal_point_email ? (personIds.get(entry.focal_point_email) ?? null) : null,
        target_date: entry.target_date,
        actual_date: entry.actual_date,
        version: 0,
      });
  });
}

function known(ids: Map<string, string>, key: string, what: string): string {
  const id = ids.get(key);
  if (!id) throw new Error(`demo roll-out refers to an unknown ${what} ${key}`);
  return id;
}
