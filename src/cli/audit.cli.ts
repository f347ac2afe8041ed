import type { Command } from 'commander';
import { AppError } from '../core/errors.js';
import { createProgress, progressReporter } from '../core/progress.js';
import {
  auditListQuerySchema,
  type AuditEvent,
  type AuditVerifyResult,
  type ChainBreakReason,
} from '../modules/audit/audit.schema.js';
import type { Page } from '../core/pagination.js';
import { parseOptions, print, withServices } from './output.js';

interface ListOptions {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  from?: string;
  to?: string;
  limit?: string;
  cursor?: string;
  json?: boolean;
}

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('Read and verify the audit trail');

  audit
    .command('verify')
    .description('Check the whole hash chain; exits 9 and names the first altered or missing event')
    .option('--json', 'machine-readable output')
    .action(async (options: { json?: boolean }, command: Command) => {
      const result = await withServices(command, async (services, ctx) => {
        const progress = createProgress({ json: options.json });
        try {
          return await services.audit.verify(ctx, {
            onProgress: progressReporter(progress, 'Verifying the audit chain'),
          });
        } finally {
          progress.stop();
        }
      });
      print(options.json, result, renderVerify);
      if (!result.ok) throw new AppError('integrity_failed', describeBreak(result), result);
    });

  audit
    .command('list')
    .description('List audit events, newest first')
    .option('--entity-type <type>', 'only events of this entity type (e.g. region)')
    .option('--entity-id <id>', 'only events of this entity')
    .option('--actor-id <id>', 'only events by this user')
    .option('--action <action>', 'only this action (create, update, delete, login, …)')
    .option('--from <date>', 'events at or after this date or ISO time')
    .option('--to <date>', 'events before this ISO time (a date includes that whole day)')
    .option('--limit <n>', 'events per page (1–500, default 50)')
    .option('--cursor <cursor>', 'continue after a previous page')
    .option('--json', 'machine-readable output')
    .action(async (options: ListOptions, command: Command) => {
      const query = parseOptions(auditListQuerySchema, {
        entity_type: options.entityType,
        entity_id: options.entityId,
        actor_id: options.actorId,
        action: options.action,
        from: options.from,
        to: options.to,
        limit: options.limit,
        cursor: options.cursor,
      });
      const page = await withServices(command, (services, ctx) => services.audit.list(ctx, query));
      print(options.json, page, renderList);
    });
}

const REASONS: Record<ChainBreakReason, string> = {
  hash_mismatch: 'its content no longer matches its hash: the event was altered after it was written',
  broken_link: 'it does not follow the event before it: an earlier event was removed or its hash was altered',
  head_mismatch:
    'the chain ends here but the recorded head is a later event: events after this one were removed',
  missing: 'the chain and its recorded head disagree: events or the head record are missing',
};

export function describeBreak(result: AuditVerifyResult): string {
  const at = result.first_break;
  if (!at) return 'The audit chain is intact';
  const where =
    at.seq === null ? 'The audit chain is empty' : `Audit chain broken at event seq ${at.seq} (id ${at.id})`;
  return `${where}: ${at.reason}: ${REASONS[at.reason]}`;
}

export function renderVerify(result: AuditVerifyResult): string {
  if (result.ok) return `Audit chain intact: ${result.events_checked} event(s) checked.`;
  return `${describeBreak(result)}.\n${result.events_checked} event(s) before it verified.`;
}

export function renderList(page: Page<AuditEvent>): string {
  if (page.items.length === 0) return 'No audit events.';
  const lines = page.items.map((event) =>
    [
      String(event.seq).padStart(6),
      event.at,
      event.actor_label,
      event.action,
      `${event.entity_type}/${event.entity_id}`,
    ].join('  '),
  );
  if (page.next_cursor) lines.push(`More: --cursor ${page.next_cursor}`);
  return lines.join('\n');
}
