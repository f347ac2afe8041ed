import type { RequestContext } from '../../core/audit.js';
import { isoDate, isoNow } from '../../core/clock.js';
import { errors } from '../../core/errors.js';
import { inScope, requirePermission, type Actor } from '../../core/permissions.js';
import { inTransaction, throwStale, type ServiceDeps } from '../../core/service-context.js';
import { computeScorecard, ORGANISATION_KEY } from './compute-scorecard.js';
import { score, weightHundredths } from './score.js';
import { defaultControls } from './default-controls.js';
import { compileControls, evaluateAsset, reasonMessage, reasonMessages } from './health-controls.js';
import type { RuleDefinition } from './rule.schema.js';
import type {
  AssetHealth,
  ControlsResponse,
  HealthQuery,
  ScorecardRequest,
  SettingsResponse,
  SettingsUpdate,
  TrendQuery,
  TrendResponse,
} from './scorecard-api.schema.js';
import { ScorecardRepository, SETTINGS_ID, type ScoredAssetFilter } from './scorecard.repository.js';
import type { ControlCounts, Scorecard } from './scorecard.schema.js';
import { allLanguages, parseScorecardSettings, type ScorecardSettings } from './scorecard.settings.js';
import { dueDaysFor } from './scoring-plan.js';
import { trendSeries } from './trend.js';
import type { LocalisedTitle } from '../actions/actions.schema.js';

export const SCORECARD_ENTITY = 'scorecard_settings';

/** The stored settings with every control they score with: the defaults, then the custom ones. */
export interface LoadedSettings extends ScorecardSettings {
  controls: RuleDefinition[];
  version: number;
  updated_at: string | null;
}

/**
 * The Data Health Scorecard over the stored inventory. Reading needs 'scorecard.read' and keeps to
 * the caller's offices (an asset outside them answers 404); the settings need 'scorecard.manage'.
 * Snapshots and actions: scorecard.snapshots.ts.
 */
export class ScorecardService {
  constructor(private readonly deps: ServiceDeps) {}

  protected repo(): ScorecardRepository {
    return new ScorecardRepository(this.deps.db.kysely);
  }

  /** The scorecard of the caller's scope, by office, region, department or organisation. */
  async scorecard(ctx: RequestContext, query: ScorecardRequest): Promise<Scorecard> {
    requirePermission(ctx.actor, 'scorecard.read');
    const settings = await this.loadSettings();
    const assets = await this.repo().scoredAssets({
      ...scopeFilter(ctx.actor),
      officeCode: query.office,
      regionCode: query.region,
    });
    return computeScorecard(assets, {
      by: query.by,
      asOf: query.as_of ?? this.today(),
      controls: settings.controls,
      config: settings.config,
    });
  }

  /** Every control (enabled or not) with its titles, weight and due days, and the band thresholds. */
  async controls(ctx: RequestContext): Promise<ControlsResponse> {
    requirePermission(ctx.actor, 'scorecard.read');
    const { config, controls } = await this.loadSettings();
    const builtin = new Set(defaultControls().map((rule) => rule.id));
    return {
      controls: controls.map((rule) => {
        const settings = config.controls[rule.id];
        return {
          id: rule.id,
          title: allLanguages(rule.name),
          description: rule.description ? allLanguages(rule.description) : null,
          severity: rule.severity,
          weight: settings?.weight ?? 1,
          enabled: settings?.enabled ?? true,
          due_days: dueDaysFor(config, rule.id, rule.severity),
          builtin: builtin.has(rule.id),
        };
      }),
      bands: config.bands,
    };
  }

  /** Control titles by id, for the actions the scorecard raises. */
  async controlTitles(): Promise<Map<string, LocalisedTitle>> {
    const { controls } = await this.loadSettings();
    return new Map(controls.map((rule) => [rule.id, allLanguages(rule.name)]));
  }

  /** One asset's result for every enabled control, with reasons in the language asked for. */
  async assetHealth(ctx: RequestContext, assetId: string, query: HealthQuery): Promise<AssetHealth> {
    requirePermission(ctx.actor, 'scorecard.read');
    const [asset] = await this.repo().scoredAssets({ scope: undefined, assetId });
    if (!asset || !inScope(ctx.actor, asset.office_id)) throw errors.notFound('asset', assetId);
    const settings = await this.loadSettings();
    const asOf = query.as_of ?? this.today();
    const enabled = settings.controls.filter((rule) => settings.config.controls[rule.id]?.enabled ?? true);
    const messages = reasonMessages(enabled);
    const { overall } = computeScorecard([asset], {
      by: 'organisation',
      asOf,
      controls: settings.controls,
      config: settings.config,
    });
    const rules = new Map(enabled.map((rule) => [rule.id, rule]));
    return {
      asset_id: asset.id,
      as_of: asOf,
      score: overall.score,
      band: overall.band,
      controls: evaluateAsset(asset, compileControls(enabled, asOf)).map((result) => {
        const rule = rules.get(result.control)!;
        return {
          control: result.control,
          title: allLanguages(rule.name)[query.lang],
          severity: rule.severity,
          status: result.status,
          reasons: result.reasons.map((reason) => ({
            code: reason.code,
            message: reasonMessage(messages, reason, query.lang),
            params: reason.params,
          })),
        };
      }),
    };
  }

  async getSettings(ctx: RequestContext): Promise<SettingsResponse> {
    requirePermission(ctx.actor, 'scorecard.manage');
    return presentSettings(await this.loadSettings());
  }

  /** Replace the settings; `version` must be the one read (0 before the first save), else 409. */
  async updateSettings(ctx: RequestContext, input: SettingsUpdate): Promise<SettingsResponse> {
    requirePermission(ctx.actor, 'scorecard.manage');
    const parsed = parseScorecardSettings(
      { config: input.config, custom_controls: input.custom_controls },
      defaultControls(),
    );
    return inTransaction(this.deps, ctx, async (trx, audit) => {
      const repo = new ScorecardRepository(trx);
      const before = await this.loadSettings(repo);
      if (before.version !== input.version)
        throwStale(SCORECARD_ENTITY, SETTINGS_ID, input.version, { version: before.version });
      const now = isoNow(this.deps.clock);
      const stored = {
        config: JSON.stringify(parsed.config),
        custom_controls: JSON.stringify(parsed.custom_controls),
        updated_at: now,
      };
      if (before.version === 0) await repo.insertSettings({ id: SETTINGS_ID, ...stored, version: 1 });
      else if (!(await repo.updateSettings(before.version, stored)))
        throwStale(SCORECARD_ENTITY, SETTINGS_ID, input.version, await repo.settings());
      const after = presentSettings({
        ...parsed,
        version: before.version + 1,
        updated_at: now,
      });
      await audit({
        action: 'update',
        entityType: SCORECARD_ENTITY,
        entityId: SETTINGS_ID,
        before: presentSettings(before),
        after,
      });
      return after;
    });
  }

  /** Each scope's score over the snapshots, oldest first; only scopes the caller may see. */
  async trend(ctx: RequestContext, query: TrendQuery): Promise<TrendResponse> {
    requirePermission(ctx.actor, 'scorecard.read');
    const scope = ctx.actor.scope;
    if (scope.kind !== 'all' && (query.by === 'region' || query.by === 'organisation'))
      return this.scopedTrend(scope.officeIds, query);
    const rows = await this.repo().snapshots(query.by, {
      key: query.key,
      from: query.from,
      to: query.to,
    });
    const visible = await this.visibleKeys(ctx.actor, query.by);
    const kept = visible ? rows.filter((row) => visible(row.key)) : rows;
    const names = new Map<string | null, string | null>();
    for (const row of kept) names.set(storedKeyToKey(row.key), row.name);
    const series = trendSeries(
      kept.map((row) => ({ date: row.date, key: storedKeyToKey(row.key), score: row.score })),
      { from: query.from, to: query.to },
    );
    return { by: query.by, series: series.map((s) => ({ ...s, name: names.get(s.key) ?? null })) };
  }

  /**
   * A region or organisation trend for a caller limited to some offices: the stored region and
   * organisation rows count offices outside the caller's scope, so each point is recomputed from the
   * stored per-office control counts of the caller's offices alone (grouped by their current region),
   * with the current control weights. It matches what the live scorecard shows the same caller.
   */
  private async scopedTrend(officeIds: ReadonlySet<string>, query: TrendQuery): Promise<TrendResponse> {
    const repo = this.repo();
    const [regions, settings] = await Promise.all([repo.officeRegions(officeIds), this.loadSettings(repo)]);
    const rows = (await repo.snapshots('office', { from: query.from, to: query.to })).filter((row) =>
      regions.has(row.key),
    );
    const groupOf = (office: string) => {
      if (query.by === 'organisation') return { key: ORGANISATION_KEY, name: 'Organisation' };
      const region = regions.get(office)!;
      return { key: region.code, name: region.name };
    };
    // date → group key → summed control counts
    const sums = new Map<string, Map<string | null, Record<string, ControlCounts>>>();
    const names = new Map<string | null, string | null>();
    for (const row of rows) {
      const group = groupOf(row.key);
      if (query.key !== undefined && keyToStoredKey(group.key) !== query.key) continue;
      names.set(group.key, group.name);
      let byGroup = sums.get(row.date);
      if (!byGroup) sums.set(row.date, (byGroup = new Map()));
      const total = byGroup.get(group.key) ?? {};
      byGroup.set(group.key, total);
      for (const [control, counts] of Object.entries(
        JSON.parse(row.controls) as Record<string, ControlCounts>,
      )) {
        const sum = (total[control] ??= { passed: 0, applicable: 0 });
        sum.passed += counts.passed;
        sum.applicable += counts.applicable;
      }
    }
    const weight = (control: string) => weightHundredths(settings.config.controls[control]?.weight ?? 1);
    const points = [...sums].flatMap(([date, byGroup]) =>
      [...byGroup].map(([key, controls]) => ({
        date,
        key,
        score: score(Object.entries(controls).map(([control, c]) => ({ weight: weight(control), ...c }))),
      })),
    );
    const series = trendSeries(points, { from: query.from, to: query.to });
    return { by: query.by, series: series.map((s) => ({ ...s, name: names.get(s.key) ?? null })) };
  }

  /** The settings as stored, or the defaults (version 0) before the first save. */
  async loadSettings(repo = this.repo()): Promise<LoadedSettings> {
    const row = await repo.settings();
    const settings = parseScorecardSettings(
      row ? { config: JSON.parse(row.config), custom_controls: JSON.parse(row.custom_controls) } : {},
      defaultControls(),
    );
    return {
      ...settings,
      controls: [...defaultControls(), ...settings.custom_controls],
      version: row?.version ?? 0,
      updated_at: row?.updated_at ?? null,
    };
  }

  protected today(): string {
    return isoDate(this.deps.clock.now());
  }

  /**
   * Which stored office and department snapshot keys a scoped caller may see; null for the whole
   * organisation. (Region and organisation rows include other offices: see scopedTrend.)
   */
  private async visibleKeys(actor: Actor, by: TrendQuery['by']): Promise<((key: string) => boolean) | null> {
    if (actor.scope.kind === 'all') return null;
    const codes = await this.repo().scopeCodes(actor.scope.officeIds, new Set());
    if (by === 'office') return (key) => codes.offices.has(key);
    if (by === 'department') return (key) => codes.offices.has(key.split('/')[0]!);
    return () => false;
  }
}

export function scopeFilter(actor: Actor): ScoredAssetFilter {
  return { scope: actor.scope.kind === 'all' ? undefined : actor.scope.officeIds };
}

/** Snapshots store the unassigned group's null key as ''. */
export function keyToStoredKey(key: string | null): string {
  return key ?? '';
}

function storedKeyToKey(key: string): string | null {
  return key === '' ? null : key;
}

function presentSettings(settings: Omit<LoadedSettings, 'controls'>): SettingsResponse {
  return {
    config: settings.config,
    custom_controls: settings.custom_controls as unknown as Record<string, unknown>[],
    version: settings.version,
    updated_at: settings.updated_at,
  };
}
