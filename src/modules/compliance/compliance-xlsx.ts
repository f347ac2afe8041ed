import ExcelJS from 'exceljs';
import { addReportSheet, WRAP } from '../../core/tabular/report-sheet.js';
import type {
  AssessmentDetail,
  EvidenceLink,
  ProgressCounts,
  RequirementStatus,
} from './compliance.schema.js';

/*
 * An assessment as a workbook for people to read and pass on: a Requirements sheet (one row per
 * requirement, headings left out, filterable) and a By theme sheet with the overall progress last.
 * In English, like the frameworks' other exports.
 */

export const SHEETS = { requirements: 'Requirements', byTheme: 'By theme' } as const;

export const STATUS_LABELS: Record<RequirementStatus, string> = {
  met: 'Met',
  partial: 'Partial',
  not_met: 'Not met',
  not_applicable: 'Not applicable',
};

function evidenceLine(link: EvidenceLink): string {
  return link.kind === 'url' ? `${link.title} <${link.url}>` : `${link.name} (sha256 ${link.sha256})`;
}

function countCells(counts: ProgressCounts): (number | string)[] {
  return [
    counts.total,
    counts.met,
    counts.partial,
    counts.not_met,
    counts.not_applicable,
    counts.unassessed,
    counts.score ?? '',
    counts.assessed_percent,
  ];
}

export async function assessmentXlsx(detail: AssessmentDetail, generatedOn: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Custos';
  workbook.title = detail.title;

  const requirements = addReportSheet(
    workbook,
    SHEETS.requirements,
    [
      'Reference',
      'Title',
      'Themes',
      'Status',
      'Reason not applicable',
      'Notes',
      'Evidence',
      'Risks',
      'Assessed by',
      'Assessed at',
      'Id',
    ],
    [16, 50, 30, 14, 40, 60, 60, 24, 24, 22, 30],
  );
  requirements.autoFilter = { from: 'A1', to: 'K1' };
  for (const r of detail.requirements.filter((requirement) => !requirement.group))
    requirements.addRow([
      r.reference,
      r.title,
      r.themes.join(', '),
      r.status ? STATUS_LABELS[r.status] : 'Unassessed',
      r.not_applicable_reason ?? '',
      r.notes ?? '',
      r.evidence.map(evidenceLine).join('\n'),
      r.risk_ids.join(', '),
      r.assessed_by ?? '',
      r.assessed_at ?? '',
      r.requirement_id,
    ]).alignment = WRAP;

  const themes = addReportSheet(
    workbook,
    SHEETS.byTheme,
    [
      'Theme',
      'Requirements',
      'Met',
      'Partial',
      'Not met',
      'Not applicable',
      'Unassessed',
      'Score %',
      'Assessed %',
    ],
    [32, 14, 10, 10, 10, 16, 12, 10, 12],
  );
  for (const row of detail.progress.by_theme.filter((theme) => theme.total > 0))
    themes.addRow([row.label, ...countCells(row)]);
  themes.addRow(['Overall', ...countCells(detail.progress.overall)]).font = { bold: true };
  themes.addRow([]);
  const scope = detail.office_name ?? 'the whole organisation';
  themes.addRow([
    `${detail.title}: ${detail.framework_title} for ${scope}, ${detail.status.replace('_', ' ')}. ` +
      `Generated on ${generatedOn} by Custos. Score: met counts 1 and partial 0.5, over the requirements ` +
      'assessed as applicable; not applicable and unassessed requirements are left out.',
  ]);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
