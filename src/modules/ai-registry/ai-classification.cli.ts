import type { Command } from 'commander';
import type { Services } from '../../app/services.js';
import { versionArg } from '../../cli/args.js';
import { print, withServices } from '../../cli/output.js';
import type { RequestContext } from '../../core/audit.js';
import { errors } from '../../core/errors.js';
import { aiCommandGroup, readAnswersFile } from './ai-act.cli.js';
import type { AiClassification } from './ai-system.schema.js';

/* `custos ai classification create|submit|review|verify|request-changes`: the four-eyes workflow. */

interface StepOptions {
  version?: string;
  comments?: string;
  json?: boolean;
}

function classificationText(c: AiClassification): string {
  return `Classification #${c.number} of ${c.ai_system_id}: ${c.status}, tier ${c.tier} (version ${c.version})`;
}

function number(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw errors.validation('<n>: the classification number, 1, 2, …');
  return n;
}

type Step = (
  services: Services,
  ctx: RequestContext,
  id: string,
  n: number,
  version: number,
  o: StepOptions,
) => Promise<AiClassification>;

export function registerAiClassificationCommands(program: Command): void {
  const classification = aiCommandGroup(program)
    .command('classification')
    .description('EU AI Act classifications of AI systems and their verification');

  classification
    .command('create <system-id>')
    .description('Start a classification of a system as a draft, from a JSON answers file')
    .requiredOption('--answers <file>', 'JSON file: { "role": "deployer", "answers": { "annex3.7b": true } }')
    .option('--justification <text>', 'written justification of an Art. 6(3) derogation')
    .option('--json', 'machine-readable output')
    .action((id: string, o: { answers: string; justification?: string; json?: boolean }, command: Command) =>
      withServices(command, async (services, ctx) => {
        const input = readAnswersFile(o.answers);
        const created = await services.aiClassifications.create(ctx, id, {
          ...input,
          derogation_justification: o.justification,
        });
        print(o.json, created, classificationText);
      }),
    );

  const steps: [string, string, Step][] = [
    [
      'submit',
      'Submit a draft for verification',
      (s, ctx, id, n, version) => s.aiClassifications.submit(ctx, id, n, version),
    ],
    [
      'review',
      'Start reviewing a submitted classification (not your own)',
      (s, ctx, id, n, version) => s.aiClassifications.startReview(ctx, id, n, version),
    ],
    [
      'verify',
      'Verify a classification under review (not your own)',
      (s, ctx, id, n, version, o) =>
        s.aiClassifications.verify(ctx, id, n, { version, comments: o.comments }),
    ],
    [
      'request-changes',
      'Send a classification back with --comments (not your own)',
      (s, ctx, id, n, version, o) => {
        if (!o.comments)
          throw errors.validation('--comments: say what to change', [
            { path: '--comments', message: 'required' },
          ]);
        return s.aiClassifications.requestChanges(ctx, id, n, { version, comments: o.comments });
      },
    ],
  ];
  for (const [name, description, step] of steps)
    classification
      .command(`${name} <system-id> <n>`)
      .description(description)
      .option('--version <n>', 'the version you read: refuse if someone changed it since')
      .option('--comments <text>', 'review comments')
      .option('--json', 'machine-readable output')
      .action((id: string, n: string, o: StepOptions, command: Command) =>
        withServices(command, async (services, ctx) => {
          const current = await services.aiClassifications.get(ctx, id, number(n));
          const done = await step(
            services,
            ctx,
            id,
            current.number,
            versionArg(o.version, current.version),
            o,
          );
          print(o.json, done, classificationText);
        }),
      );
}
