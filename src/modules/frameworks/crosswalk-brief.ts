import type { Crosswalk, CrosswalkFramework, CrosswalkRequirement } from './frameworks.schema.js';

/* The words every crosswalk export shares: title, generated summary paragraph, cell lines, sources. Pure. */

/** What an export is made of: the table, and the day it was produced (from the injected clock). */
export interface CrosswalkExport {
  crosswalk: Crosswalk;
  /** YYYY-MM-DD */
  generatedOn: string;
}

export const SUMMARY_DISCLAIMER =
  'Requirement summaries are Custos paraphrases written for comparison, not the text of the instruments; ' +
  'consult the sources for the authoritative wording. ISO/IEC 42001 appears by clause and control titles only.';

export function briefTitle(crosswalk: Crosswalk): string {
  return `Crosswalk: ${listOf(crosswalk.frameworks.map((f) => f.short_title))}`;
}

/** "a", "a and b", "a, b and c" */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** How a requirement appears in a table cell. */
export function requirementLine(requirement: CrosswalkRequirement): string {
  return `${requirement.reference} — ${requirement.title}`;
}

export function sourceLine(framework: CrosswalkFramework): string {
  return `${framework.title}. ${framework.issuer}; ${framework.version}; dated ${framework.date}. ${framework.source_url}`;
}

/**
 * One paragraph a reader can take in before the table: which frameworks, how many requirements map to
 * each theme, and where coverage is thin: a theme that at most half of the frameworks address.
 */
export function summaryParagraph(crosswalk: Crosswalk): string {
  const frameworks = crosswalk.frameworks;
  const names = new Map(frameworks.map((f) => [f.id, f.short_title]));
  const total = crosswalk.rows.reduce((sum, row) => sum + row.requirement_count, 0);
  const sentences = [
    `This brief compares ${frameworks.length === 1 ? 'one framework' : `${frameworks.length} frameworks`}, ` +
      `${listOf(frameworks.map((f) => `${f.short_title} (${f.date})`))}, across ` +
      `${crosswalk.rows.length === 1 ? 'one theme' : `${crosswalk.rows.length} themes`}, ` +
      `with ${total} mapped requirement${total === 1 ? '' : 's'} in all.`,
    `Requirements per theme: ${crosswalk.rows.map((row) => `${row.theme.label} ${row.requirement_count}`).join(', ')}.`,
  ];

  const uncovered: string[] = [];
  const thin: string[] = [];
  for (const row of crosswalk.rows) {
    const covering = row.cells.filter((cell) => cell.requirements.length > 0);
    if (covering.length === 0) uncovered.push(row.theme.label);
    else if (frameworks.length > 1 && covering.length * 2 <= frameworks.length)
      thin.push(
        `${row.theme.label} (only ${listOf(covering.map((cell) => names.get(cell.framework_id) ?? cell.framework_id))})`,
      );
  }
  if (thin.length > 0) sentences.push(`Coverage is thin for ${listOf(thin)}.`);
  if (uncovered.length > 0)
    sentences.push(
      frameworks.length === 1
        ? `It does not address ${listOf(uncovered)}.`
        : `None of them addresses ${listOf(uncovered)}.`,
    );
  if (thin.length === 0 && uncovered.length === 0)
    sentences.push(
      frameworks.length === 1
        ? 'It addresses every theme selected.'
        : 'More than half of the frameworks address every theme selected.',
    );
  return sentences.join(' ');
}
