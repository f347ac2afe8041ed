import fs from 'node:fs';
import type { Command } from 'commander';
import { parseArgs } from '../../cli/args.js';
import { cliContext, print } from '../../cli/output.js';
import { errors } from '../../core/errors.js';
import {
  classifyInputSchema,
  langQuerySchema,
  suggestInputSchema,
  type Classification,
  type Condition,
  type QuestionsResponse,
  type Suggestions,
} from './ai-act.schema.js';
import { loadAiActQuestionnaire } from './ai-act.data.js';
import { AiActService } from './ai-act.service.js';

/* `custos ai …`: the EU AI Act questionnaire, classification and suggestions. No database needed. */

const MAX_ANSWERS_BYTES = 1024 * 1024;

interface AiOptions {
  lang?: string;
  answers?: string;
  json?: boolean;
}

/** The `ai` command group, shared with the other AI registry commands. */
export function aiCommandGroup(program: Command): Command {
  return (
    program.commands.find((c) => c.name() === 'ai') ??
    program.command('ai').description('AI systems: EU AI Act classification')
  );
}

export function registerAiActCommands(program: Command): void {
  const ai = aiCommandGroup(program);
  const service = () => new AiActService(loadAiActQuestionnaire());

  ai.command('questions')
    .description('List the classification questions with their stable ids, articles and branching')
    .option('--lang <lang>', 'language of the texts: en, fr or es', 'en')
    .option('--json', 'machine-readable output')
    .action((options: AiOptions) => {
      const { lang } = parseArgs(langQuerySchema, { lang: options.lang }, { lang: '--lang' });
      print(options.json, service().questions(cliContext(), lang), questionsText);
    });

  ai.command('classify')
    .description('Classify a system from a JSON answers file (unanswered questions count as no)')
    .requiredOption('--answers <file>', 'JSON file: { "role": "deployer", "answers": { "annex3.7b": true } }')
    .option('--json', 'machine-readable output')
    .action((options: AiOptions) => {
      const input = readAnswersFile(options.answers ?? '');
      print(options.json, service().classify(cliContext(), input), classificationText);
    });

  ai.command('suggest <description>')
    .description('Suggest answers from a description of the system (a person must confirm each one)')
    .option('--lang <lang>', 'only keywords of this language: en, fr or es')
    .option('--json', 'machine-readable output')
    .action((description: string, options: AiOptions) => {
      const input = parseArgs(
        suggestInputSchema,
        { description, lang: options.lang },
        { description: '<description>', lang: '--lang' },
      );
      print(options.json, service().suggest(cliContext(), input), suggestionsText);
    });
}

export function readAnswersFile(file: string) {
  let size: number;
  let text = '';
  try {
    size = fs.statSync(file).size;
    if (size <= MAX_ANSWERS_BYTES) text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw errors.validation(`--answers: cannot read ${file} (${code})`);
  }
  if (size > MAX_ANSWERS_BYTES) throw errors.validation(`--answers: ${file} is larger than 1 MiB`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw errors.validation(`--answers: ${file} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = classifyInputSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message:
      issue.code === 'unrecognized_keys' ? `unknown field(s): ${issue.keys.join(', ')}` : issue.message,
  }));
  const first = issues[0];
  throw errors.validation(
    `${file}: ${first ? `${first.path}: ${first.message}` : 'invalid answers'}`,
    issues,
  );
}

function questionsText(q: QuestionsResponse): string {
  const lines: string[] = [];
  for (const section of q.sections) {
    lines.push(section.title);
    for (const question of q.questions.filter((item) => item.section === section.id)) {
      lines.push(`  ${question.id}  [${question.article}]`, `    ${question.text}`);
      if (question.options)
        lines.push(`    ${question.options.map((o) => `${o.value} (${o.label})`).join(', ')}`);
      if (question.shown_when) lines.push(`    applies when: ${conditionText(question.shown_when)}`);
    }
    lines.push('');
  }
  lines.push(q.note);
  return lines.join('\n');
}

function conditionText(condition: Condition): string {
  if ('yes_to' in condition) return condition.yes_to;
  if ('not_yes_to' in condition) return `not ${condition.not_yes_to}`;
  if ('any_yes_to' in condition) {
    const ids = condition.any_yes_to;
    return ids.length > 4
      ? `any of ${ids[0]} … ${ids[ids.length - 1]} (${ids.length})`
      : `any of ${ids.join(', ')}`;
  }
  const [parts, joiner] = 'all' in condition ? [condition.all, ' and '] : [condition.any, ' or '];
  const text = parts.map(conditionText).join(joiner);
  return parts.length > 1 ? `(${text})` : text;
}

function classificationText(c: Classification): string {
  const list = (items: readonly string[]) => items.map((item) => `  - ${item}`);
  const derogation = c.derogation
    ? `${c.derogation.articles.join(', ')} lifts ${c.derogation.annex3_points.join(', ')}; written justification required`
    : 'none';
  return [
    `Tier: ${c.tier}`,
    `Articles: ${c.articles.join(', ') || 'none'}`,
    `Transparency: ${c.transparency.join(', ') || 'none'}`,
    `Derogation: ${derogation}`,
    `General-purpose AI model: ${c.gpai.model ? 'yes' : 'no'}, systemic risk: ${c.gpai.systemic_risk ? 'yes' : 'no'}`,
    'Reasons:',
    ...list(c.reasons),
    'Obligations:',
    ...list(c.obligations),
    `Assumed no (not answered): ${c.assumed_no.join(', ') || 'none'}`,
    `Note: ${c.note}`,
  ].join('\n');
}

function suggestionsText(s: Suggestions): string {
  if (s.suggestions.length === 0) return 'No suggestions: no keyword matched the description.';
  return [
    'Suggested answers (not answers yet: a person must confirm each one):',
    ...s.suggestions.map((item) => `  ${item.question_id}: yes (${item.because})`),
  ].join('\n');
}
