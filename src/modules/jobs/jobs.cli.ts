import type { Command } from 'commander';
import { FlagNames, readAllPages } from '../../cli/args.js';
import { print, withServices } from '../../cli/output.js';
import { formatTable } from '../../cli/table.js';
import { JOB_STATUSES, jobListQuerySchema, type Job } from './jobs.schema.js';

const FLAGS = new FlagNames({ status: '--status', kind: '--kind' });

export function describeProgress(job: Job): string {
  const { done, total, message } = job.progress;
  const amount = total ? `${done}/${total}` : done > 0 ? String(done) : '';
  return [amount, message].filter(Boolean).join(' ');
}

function describeJob(job: Job): string {
  return [
    `${job.kind} job ${job.id}: ${job.status}${job.cancel_requested && job.status === 'running' ? ' (cancelling)' : ''}`,
    `  started by ${job.created_by_label} at ${job.created_at}`,
    job.started_at ? `  ran from ${job.started_at} to ${job.finished_at ?? '…'}` : null,
    describeProgress(job) ? `  progress: ${describeProgress(job)}` : null,
    job.error ? `  error: ${job.error}` : null,
  ]
    .filter((line): line is string => line !== null)
    .join('\n');
}

/** `custos jobs list|show`: background jobs (scans, …) and their progress. */
export function registerJobCommands(program: Command): void {
  const jobs = program.command('jobs').description('Background jobs (scans, …): status and progress');
  jobs
    .command('list')
    .description('List jobs, newest first')
    .option('--status <status>', JOB_STATUSES.join('|'))
    .option('--kind <kind>', 'only jobs of this kind (e.g. scan)')
    .option('--json', 'machine-readable output')
    .action((options: { status?: string; kind?: string; json?: boolean }, command: Command) =>
      withServices(command, async (services, ctx) => {
        const query = FLAGS.parse(jobListQuerySchema, { status: options.status, kind: options.kind });
        const found = await readAllPages((cursor) =>
          services.jobs.list(ctx, { ...query, limit: 500, cursor }),
        );
        print(options.json, found, (items) =>
          items.length === 0
            ? 'No jobs'
            : formatTable(
                ['created', 'kind', 'status', 'progress', 'by', 'id'],
                items.map((j) => [
                  j.created_at,
                  j.kind,
                  j.status,
                  describeProgress(j),
                  j.created_by_label,
                  j.id,
                ]),
              ),
        );
      }),
    );
  jobs
    .command('show <id>')
    .description('Show one job')
    .option('--json', 'machine-readable output')
    .action((id: string, options: { json?: boolean }, command: Command) =>
      withServices(command, async (services, ctx) => {
        print(options.json, await services.jobs.get(ctx, id), describeJob);
      }),
    );
}
