import ExcelJS from 'exceljs';
import { guardFormula } from '../../core/tabular/formula-guard.js';
import type { UsageReport } from './usage.schema.js';
import { statusSourceText } from './app-status.js';

/*
 * The usage report as a workbook to share: a Summary sheet (the paragraph and the headline numbers),
 * then Apps, Departments, New apps and Weekly. Written with exceljs directly, as the crosswalk is:
 * a report is several tables, not one register to re-import. The numbers are the report's as given,
 * so with suppression on, small user counts are the text "<5". Names from logs pass the formula guard.
 */

type Cell = string | number | null;

function sheet(
  workbook: ExcelJS.Workbook,
  name: string,
  headers: string[],
  widths: number[],
  rows: Cell[][],
) {
  const ws = workbook.addWorksheet(name);
  ws.columns = widths.map((width) => ({ width }));
  ws.addRow(headers).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of rows)
    ws.addRow(row.map((cell) => (typeof cell === 'string' ? guardFormula(cell) : cell)));
  if (rows.length > 0)
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
}

const APP_HEADERS = [
  'App',
  'Vendor',
  'Category',
  'Status',
  'Status from',
  'Risk',
  'Events',
  'Users',
  'Uploaded bytes',
  'Downloaded bytes',
  'Blocked',
  'First seen',
];
const APP_WIDTHS = [28, 20, 22, 24, 32, 8, 12, 10, 16, 16, 10, 12];

function appRows(apps: UsageReport['apps']): Cell[][] {
  return apps.map((app) => [
    app.name,
    app.vendor,
    app.category,
    app.status.replaceAll('_', ' '),
    statusSourceText(app),
    app.risk,
    app.events,
    app.users,
    app.bytes_up,
    app.bytes_down,
    app.blocked_events,
    app.first_seen,
  ]);
}

export async function usageReportXlsx(report: UsageReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Custos';
  workbook.title = `AI usage ${report.period.from} to ${report.period.to}`;

  const summary = workbook.addWorksheet('Summary');
  summary.columns = [{ width: 40 }, { width: 100 }];
  summary.addRow(['AI usage report', `${report.period.from} to ${report.period.to}`]).font = { bold: true };
  summary.addRow(['Summary', report.summary]).alignment = { wrapText: true, vertical: 'top' };
  const facts: [string, Cell][] = [
    ['Events', report.totals.events],
    ['AI events', report.totals.ai_events],
    ['Distinct AI users', report.totals.ai_users],
    ['Events to unapproved apps', report.risk.unapproved_events],
    ['Share to unapproved apps', report.risk.unapproved_share],
    ['Events to high-risk apps', report.risk.high_risk_events],
    ['Share to high-risk apps', report.risk.high_risk_share],
    ['Bytes uploaded to unapproved generative-AI apps', report.unapproved_generative_upload.bytes_up],
    [
      'Small-cell suppression',
      report.suppressed ? 'on: fewer than 5 distinct users are shown as "<5"' : 'off: exact counts',
    ],
  ];
  for (const [label, value] of facts) summary.addRow([label, value]);

  sheet(workbook, 'Apps', APP_HEADERS, APP_WIDTHS, appRows(report.apps));
  sheet(
    workbook,
    'Departments',
    ['Department', 'Office', 'AI events', 'Unapproved events', 'High-risk events', 'Users'],
    [28, 24, 12, 18, 16, 10],
    report.departments.map((unit) => [
      unit.department ?? '(unknown)',
      unit.office ?? '(unknown)',
      unit.ai_events,
      unit.unapproved_events,
      unit.high_risk_events,
      unit.users,
    ]),
  );
  sheet(workbook, 'New apps', APP_HEADERS, APP_WIDTHS, appRows(report.new_apps));
  sheet(
    workbook,
    'Weekly',
    ['Week of', 'Events', 'AI events', 'Unapproved events', 'High-risk events', 'AI users'],
    [12, 12, 12, 18, 16, 10],
    report.weekly.map((week) => [
      week.week,
      week.events,
      week.ai_events,
      week.unapproved_events,
      week.high_risk_events,
      week.ai_users,
    ]),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
