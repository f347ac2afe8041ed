import fs from 'node:fs';
import type { Command } from 'commander';
import { FlagNames } from '../../cli/args.js';
import { print, withServices } from '../../cli/output.js';
import { formatFields, formatTable } from '../../cli/table.js';
import { requirementLine } from './crosswalk-brief.js';
import type { CrosswalkFileFormat } from './frameworks.service.js';
import {
  crosswalkQuerySchema,
  type Crosswalk,
  type FrameworkDetail,
  type FrameworkSummary,
  type RequirementNode,
} from './frameworks.schema.js';

const FLAGS = new FlagNames({ frameworks: '--frameworks', themes: '--themes' });
const crosswalkArgsSchema = crosswalkQuerySchema.omit({ format: true });

interface CrosswalkOptions {
  frameworks?: string;
  themes?: string;
  xlsx?: string;
  md?: string;
  docx?: string;
  json?: boolean;
}

export function registerFrameworkCommands(program: Command): void {
  const frameworks = program
    .command('frameworks')
    .description(
      'Frameworks library: EU AI Act, GDPR, NIST AI RMF, ISO/IEC 42001, UN and humanitarian principles',
    );

  frameworks
    .command('list')
    .description('List the frameworks in the library')
    .option('--json', 'machine-readable output')
    .action((options: { json?: boolean }, command: Command) =>
      withServices(command, async (services, ctx) => {
        print(options.json, await services.frameworks.list(ctx), frameworkTable);
      }),
    );

  frameworks
    .command('show <id>')
    .description('Show a framework: its source, dates and requirements')
    .option('--json', 'machine-readable output (requirements as a tree)')
    .action((id: string, options: { json?: boolean }, command: Command) =>
      withServices(command, async (services, ctx) => {
        print(options.json, await services.frameworks.get(ctx, id), frameworkDetail);
      }),
    );

  frameworks
    .command('crosswalk')
    .description(
      'Compare frameworks theme by theme; print the table, or save it as XLSX, Markdown or a DOCX brief',
    )
    .option('--frameworks <ids>', 'framework ids, comma-separated (see `custos frameworks list`)')
    .option('--themes <ids>', 'theme ids, comma-separated (default: all themes)')
    .option('--xlsx <file>', 'save the table as an Excel workbook')
    .option('--md <file>', 'save the table as Markdown')
    .option('--docx <file>', 'save a Word brief: summary, table and sources')
    .option('--json', 'print the table as JSON')
    .action((options: CrosswalkOptions, command: Command) =>
      withServices(command, async (services, ctx) => {
        const input = FLAGS.parse(crosswalkArgsSchema, {
          frameworks: options.frameworks,
          themes: options.themes,
        });
        const table = await FLAGS.call(services.frameworks.crosswalk(ctx, input));
        const files = (['xlsx', 'md', 'docx'] as const).flatMap((format: CrosswalkFileFormat) => {
          const target = options[format];
          return target ? [{ format, target }] : [];
        });
        for (const { format, target } of files) {
          const file = await services.frameworks.exportCrosswalk(ctx, input, format);
          fs.writeFileSync(target, file.body);
          (options.json ? process.stderr : process.stdout).write(`Saved the crosswalk as ${target}\n`);
        }
        if (options.json || files.length === 0) print(options.json, table, crosswalkText);
      }),
    );
}

function frameworkTable(items: FrameworkSummary[]): string {
  return formatTable(
    ['ID', 'FRAMEWORK', 'KIND', 'DATE', 'REQUIREMENTS'],
    items.map((f) => [f.id, f.short_title, f.kind, f.date, f.requirement_count]),
  );
}

function treeLines(nodes: readonly RequirementNode[], depth: number): string[] {
  return nodes.flatMap((node) => [
    `${'  '.repeat(depth)}${node.reference}  ${node.title}${node.group ? '' : `  [${node.themes.join(', ')}]`}`,
    ...treeLines(node.children, depth + 1),
  ]);
}

function frameworkDetail(framework: FrameworkDetail): string {
  return [
    formatFields([
      ['Framework', framework.title],
      ['Issuer', framework.issuer],
      ['Kind', framework.kind],
      ['Version', framework.version],
      ['Date', framework.date],
      ['Source', framework.source_url],
      ['Requirements', framework.requirement_count],
    ]),
    ...(framework.dates.length > 0
      ? ['', 'Key dates:', ...framework.dates.map((d) => `  ${d.date}  ${d.event}`)]
      : []),
    '',
    ...treeLines(framework.requirements, 0),
  ].join('\n');
}

function crosswalkText(table: Crosswalk): string {
  const names = new Map(table.frameworks.map((f) => [f.id, f.short_title]));
  return table.rows
    .map((row) =>
      [
        `${row.theme.label} (${row.requirement_count})`,
        ...row.cells.map(
          (cell) =>
            `  ${names.get(cell.framework_id)}: ${cell.requirements.map(requirementLine).join('; ') || '—'}`,
        ),
      ].join('\n'),
    )
    .join('\n\n');
}
