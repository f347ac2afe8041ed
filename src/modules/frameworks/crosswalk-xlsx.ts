import ExcelJS from 'exceljs';
import { addReportSheet, WRAP } from '../../core/tabular/report-sheet.js';
import {
  briefTitle,
  requirementLine,
  SUMMARY_DISCLAIMER,
  summaryParagraph,
  type CrosswalkExport,
} from './crosswalk-brief.js';

/*
 * The crosswalk as a workbook. The shared writeXlsx serves registers (one record per row, meant to be
 * re-imported); a crosswalk is a matrix (themes × frameworks, several requirements per cell), so it is
 * written with exceljs directly: a Crosswalk sheet, a long-form Requirements sheet for filtering, and
 * a Sources sheet.
 */

export const SHEETS = { crosswalk: 'Crosswalk', requirements: 'Requirements', sources: 'Sources' } as const;

export async function crosswalkXlsx({ crosswalk, generatedOn }: CrosswalkExport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Custos';
  workbook.title = briefTitle(crosswalk);
  const names = new Map(crosswalk.frameworks.map((f) => [f.id, f.short_title]));

  const table = addReportSheet(
    workbook,
    SHEETS.crosswalk,
    ['Theme', ...crosswalk.frameworks.map((f) => f.short_title)],
    [28, ...crosswalk.frameworks.map(() => 55)],
  );
  for (const row of crosswalk.rows) {
    const added = table.addRow([
      row.theme.label,
      ...row.cells.map((cell) => cell.requirements.map(requirementLine).join('\n')),
    ]);
    added.alignment = WRAP;
  }

  const details = addReportSheet(
    workbook,
    SHEETS.requirements,
    ['Theme', 'Framework', 'Reference', 'Title', 'Summary', 'Id'],
    [28, 24, 18, 50, 90, 34],
  );
  details.autoFilter = { from: 'A1', to: 'F1' };
  for (const row of crosswalk.rows)
    for (const cell of row.cells)
      for (const requirement of cell.requirements)
        details.addRow([
          row.theme.label,
          names.get(cell.framework_id) ?? cell.framework_id,
          requirement.reference,
          requirement.title,
          requirement.summary,
          requirement.id,
        ]).alignment = WRAP;

  const sources = addReportSheet(
    workbook,
    SHEETS.sources,
    ['Framework', 'Title', 'Issuer', 'Version', 'Date', 'Key dates', 'Source', 'Licence'],
    [24, 60, 40, 30, 12, 50, 50, 70],
  );
  for (const f of crosswalk.frameworks)
    sources.addRow([
      f.short_title,
      f.title,
      f.issuer,
      f.version,
      f.date,
      f.dates.map((d) => `${d.date}: ${d.event}`).join('\n'),
      { text: f.source_url, hyperlink: f.source_url },
      f.licence,
    ]).alignment = WRAP;
  sources.addRow([]);
  sources.addRow([`Generated on ${generatedOn} by Custos. ${summaryParagraph(crosswalk)}`]);
  sources.addRow([SUMMARY_DISCLAIMER]);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
