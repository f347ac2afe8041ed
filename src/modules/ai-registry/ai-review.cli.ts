import type { Command } from 'commander';
import { FlagNames, requireChanges } from '../../cli/args.js';
import { print, withServices } from '../../cli/output.js';
import { formatFields, formatTable } from '../../cli/table.js';
import { TIERS } from './ai-act.schema.js';
import { aiCommandGroup } from './ai-act.cli.js';
import {
  aiReviewSettingsUpdateSchema,
  reviewMonthsSchema,
  type AiReviewCheck,
  type AiReviewSettings,
} from './ai-review.schema.js';
import type { AiSystemSummary } from './ai-system.schema.js';

/*
 * `custos ai reviews check|settings|set` (review dates and the actions of overdue reviews) and
 * `custos ai dashboard` (the register at a glance).
 */

const MONTH_FLAGS = {
  high: '--high',
  limited: '--limited',
  minimal: '--minimal',
  prohibited: '--prohibited',
  out_of_scope: '--out-of-scope',
};
const SETTINGS_FLAGS = new FlagNames({ ...MONTH_FLAGS, version: '--version' });

interface SetOptions {
  high?: string;
  limited?: string;
  minimal?: string;
  prohibited?: string;
  outOfScope?: string;
  version?: string;
  json?: boolean;
}

const months = (value: string | undefined) => (value === undefined ? undefined : Number(value));

function settingsText(s: AiReviewSettings): string {
  return [
    formatTable(
      ['Tier', 'Months to the next review'],
      TIERS.map((tier) => [tier, s.review_months[tier]]),
    ),
    s.version === 0 ? '(the shipped defaults; version 0)' : `(version ${s.version}, changed ${s.updated_at})`,
  ].join('\n');
}

function checkText(r: AiReviewCheck): string {
  const a = r.actions;
  return `${r.overdue} review(s) overdue on ${r.as_of}: ${a.opened} action(s) opened, ${a.closed} closed, ${a.updated} updated, ${a.unchanged} unchanged`;
}

function dashboardText(s: AiSystemSummary): string {
  const counts = (c: Record<string, number>) =>
    Object.entries(c)
      .map(([key, n]) => `${key} ${n}`)
      .join(', ') || '—';
  return [
    formatFields([
      ['AI systems', s.total],
      ['By tier', counts(s.by_tier)],
      ['By approval', counts(s.by_approval_status)],
      ['By lifecycle', counts(s.by_lifecycle)],
      ['By office', s.by_office.map((o) => `${o.name ?? o.office_id} ${o.count}`).join(', ') || '—'],
      ['Reviews overdue', s.review_overdue],
      ['High-risk without DPIA', s.high_risk_without_dpia],
    ]),
    ...(s.overdue_reviews.length
      ? [
          '',
          'Overdue reviews:',
          formatTable(
            ['Id', 'Name', 'Tier', 'Due', 'Owner'],
            s.overdue_reviews.map((r) => [r.id, r.name, r.tier, r.next_review_date, r.owner_name]),
          ),
        ]
      : []),
    ...(s.high_risk_without_assessment.length
      ? [
          '',
          'High-risk systems without a DPIA or its reference:',
          formatTable(
            ['Id', 'Name', 'DPIA done', 'Reference'],
            s.high_risk_without_assessment.map((r) => [r.id, r.name, r.dpia_done, r.dpia_reference]),
          ),
        ]
      : []),
  ].join('\n');
}

export function registerAiReviewCommands(program: Command): void {
  const ai = aiCommandGroup(program);

  ai.command('dashboard')
    .description(
      'The AI systems in your scope at a glance: by tier, approval, lifecycle, office; overdue reviews; high-risk without DPIA',
    )
    .option('--json', 'machine-readable output')
    .action((o: { json?: boolean }, command: Command) =>
      withServices(command, async (services, ctx) => {
        print(o.json, await services.aiSystems.summary(ctx), dashboardText);
      }),
    );

  const reviews = ai
    .command('reviews')
    .description('Review dates of AI systems and the actions of overdue reviews');

  reviews
    .command('check')
    .description(
      'Open an action for the owner of every system whose review is due; close those reviewed since',
    )
    .option('--json', 'machine-readable output')
    .action((o: { json?: boolean }, command: Command) =>
      withServices(command, async (services, ctx) => {
        print(o.json, await services.aiReviews.check(ctx), checkText);
      }),
    );

  reviews
    .command('settings')
    .description('Show the months from verification to the next review, by tier')
    .option('--json', 'machine-readable output')
    .action((o: { json?: boolean }, command: Command) =>
      withServices(command, async (services, ctx) => {
        print(o.json, await services.aiReviews.getSettings(ctx), settingsText);
      }),
    );

  reviews
    .command('set')
    .description(
      'Change the months between reviews of some tiers (applies to classifications verified from now on)',
    )
    .option('--high <months>', 'high-risk systems (default 6)')
    .option('--limited <months>', 'limited-risk systems (default 12)')
    .option('--minimal <months>', 'minimal-risk systems (default 24)')
    .option('--prohibited <months>', 'prohibited practices (default 0: due at once)')
    .option('--out-of-scope <months>', 'systems out of the Act’s scope (default 24)')
    .option('--version <n>', 'the version you read: refuse the change if someone changed them since')
    .option('--json', 'machine-readable output')
    .action((o: SetOptions, command: Command) =>
      withServices(command, async (services, ctx) => {
        const current = await services.aiReviews.getSettings(ctx);
        const given = {
          high: months(o.high),
          limited: months(o.limited),
          minimal: months(o.minimal),
          prohibited: months(o.prohibited),
          out_of_scope: months(o.outOfScope),
        };
        requireChanges(given, Object.values(MONTH_FLAGS));
        const review_months = SETTINGS_FLAGS.parse(reviewMonthsSchema.partial(), given);
        const { version } = SETTINGS_FLAGS.parse(aiReviewSettingsUpdateSchema.pick({ version: true }), {
          version: o.version === undefined ? current.version : Number(o.version),
        });
        const input = { review_months, version };
        print(o.json, await services.aiReviews.updateSettings(ctx, input), settingsText);
      }),
    );
}
