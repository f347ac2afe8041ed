import {
  briefTitle,
  requirementLine,
  SUMMARY_DISCLAIMER,
  summaryParagraph,
  type CrosswalkExport,
} from './crosswalk-brief.js';

/* The crosswalk as a Markdown brief (GitHub-flavoured table), for wikis and pull requests. Pure. */

/** A table cell holds one line: pipes and line breaks would break the table, angle brackets become markup. */
function cell(text: string): string {
  return text
    .replace(/\r?\n/g, ' ')
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

export function crosswalkMarkdown({ crosswalk, generatedOn }: CrosswalkExport): string {
  const header = ['Theme', ...crosswalk.frameworks.map((f) => f.short_title)];
  const lines = [
    `# ${briefTitle(crosswalk)}`,
    '',
    `Generated on ${generatedOn} by Custos.`,
    '',
    summaryParagraph(crosswalk),
    '',
    `| ${header.map(cell).join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...crosswalk.rows.map((row) => {
      const cells = row.cells.map((c) =>
        c.requirements.length === 0 ? '—' : c.requirements.map((r) => cell(requirementLine(r))).join('<br>'),
      );
      return `| ${[cell(row.theme.label), ...cells].join(' | ')} |`;
    }),
    '',
    '## Sources',
    '',
    ...crosswalk.frameworks.map(
      (f) =>
        `- **${cell(f.short_title)}**: ${cell(f.title)}. ${cell(f.issuer)}; ${cell(f.version)}; dated ${f.date}. <${f.source_url}>`,
    ),
    '',
    `_${SUMMARY_DISCLAIMER}_`,
    '',
  ];
  return lines.join('\n');
}
