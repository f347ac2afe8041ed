import type { Command } from 'commander';
import { FlagNames, readAllPages } from '../../cli/args.js';
import { print, withServices } from '../../cli/output.js';
import { formatTable } from '../../cli/table.js';
import { personId } from '../inventory/asset.cli-input.js';
import { OrgLookup } from '../org/org.lookup.js';
import { actionListQuerySchema, ACTION_STATUSES } from './actions.schema.js';

const FLAGS = new FlagNames({
  assignee: '--assignee',
  status: '--status',
  source: '--source',
  office: '--office',
});

/** `custos actions list`: the actions raised by the scorecard (and later other sources). */
export function registerActionCommands(program: Command): void {
  const actions = program.command('actions').description('Actions to fix (failing health controls, …)');
  actions
    .command('list')
    .description('List actions, soonest due first, all pages')
    .option('--assignee <email>', "only this person's actions")
    .option('--status <status>', ACTION_STATUSES.join('|'))
    .option('--source <source>', 'only actions from this source (scorecard)')
    .option('--office <code>', 'only actions of this office')
    .option('--json', 'machine-readable output')
    .action(
      (
        options: { assignee?: string; status?: string; source?: string; office?: string; json?: boolean },
        command: Command,
      ) =>
        withServices(command, async (services, ctx) => {
          const query = FLAGS.parse(actionListQuerySchema, {
            assignee:
              options.assignee === undefined
                ? undefined
                : await personId(services, ctx, options.assignee, '--assignee'),
            status: options.status,
            source: options.source,
            office:
              options.office === undefined
                ? undefined
                : (await new OrgLookup(services, ctx).office(options.office, '--office')).id,
          });
          const found = await readAllPages((cursor) =>
            services.actions.list(ctx, { ...query, limit: 500, cursor }),
          );
          print(options.json, found, (items) =>
            items.length === 0
              ? 'No actions'
              : formatTable(
                  ['due', 'status', 'subject', 'control', 'assignee', 'reasons'],
                  items.map((a) => [
                    a.overdue ? `${a.due_date} (overdue)` : a.due_date,
                    a.status === 'closed' ? `closed (${a.close_reason})` : a.status,
                    a.subject_name ?? a.subject_id,
                    a.code_title?.en ?? a.code,
                    a.assignee_name ?? '(unassigned)',
                    a.reason_codes.join(', '),
                  ]),
                ),
          );
        }),
    );
}
