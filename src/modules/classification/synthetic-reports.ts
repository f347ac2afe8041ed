import type { ColumnDetections } from './classification.schema.js';
import type { LabelPolicy } from './label-policy.schema.js';
import { proposeLabel } from './label-proposal.js';
import type { ScanDataset, ScanFormat, ScanReport } from './scan-report.js';

/*
 * Realistic scan results of fictional files, as the scanner reports them (masked examples only),
 * labelled with the real policy: the demo organisation shows them, and tests use them as the answer
 * of a fake scanner. No real person is in them.
 */

function dataset(
  source: string,
  format: ScanFormat,
  rows: number,
  columns: ColumnDetections[],
  policy: LabelPolicy,
): ScanDataset {
  const { proposed, rule, reasons } = proposeLabel(columns, policy);
  return { source, format, rows_scanned: rows, label: { proposed, rule, reasons }, columns };
}

/** A beneficiary registration export in Spanish: names, phones, dates of birth → Confidential. */
export function registrationDataset(source: string, policy: LabelPolicy): ScanDataset {
  return dataset(
    source,
    source.endsWith('.xlsx') || source.includes('.xlsx#') ? 'xlsx' : 'csv',
    1000,
    [
      {
        name: 'nombre',
        detections: [
          {
            type: 'person_name',
            confidence: 'high',
            matched: 987,
            sampled: 1000,
            examples: ['M***a L***z', 'J**n P***z', 'A*a G****a'],
          },
        ],
      },
      {
        name: 'telefono',
        detections: [
          {
            type: 'phone',
            confidence: 'high',
            matched: 998,
            sampled: 1000,
            examples: ['+5731******12', '+5730******87', '+5732******40'],
          },
        ],
      },
      {
        name: 'fecha_nacimiento',
        detections: [
          {
            type: 'date_of_birth',
            confidence: 'high',
            matched: 1000,
            sampled: 1000,
            examples: ['19**-**-14', '20**-**-02', '19**-**-29'],
          },
        ],
      },
      { name: 'municipio', detections: [] },
      { name: 'personas_hogar', detections: [] },
    ],
    policy,
  );
}

/** A protection case list: case numbers, health notes and names → Strictly Confidential. */
export function caseListDataset(source: string, policy: LabelPolicy): ScanDataset {
  return dataset(
    source,
    'csv',
    412,
    [
      {
        name: 'case_number',
        detections: [
          {
            type: 'case_id',
            confidence: 'high',
            matched: 412,
            sampled: 412,
            examples: ['PRT-****-031', 'PRT-****-118', 'PRT-****-207'],
          },
        ],
      },
      {
        name: 'full_name',
        detections: [
          {
            type: 'person_name',
            confidence: 'high',
            matched: 405,
            sampled: 412,
            examples: ['A***a O****o', 'F***h A**i', 'J***s M****a'],
          },
        ],
      },
      {
        name: 'medical_condition',
        detections: [
          {
            type: 'health',
            confidence: 'medium',
            matched: 188,
            sampled: 301,
            examples: ['d******s', 'HIV ***', 'pr******y'],
          },
        ],
      },
      { name: 'intake_date', detections: [] },
    ],
    policy,
  );
}

/** Aggregated counts by district: nothing personal → Public proposed. */
export function countsDataset(source: string, policy: LabelPolicy): ScanDataset {
  return dataset(
    source,
    'csv',
    48,
    [
      { name: 'adm2', detections: [] },
      { name: 'affected', detections: [] },
      { name: 'reached', detections: [] },
    ],
    policy,
  );
}

/** A report over several fictional files, one of which could not be read. */
export function syntheticReport(names: readonly string[], policy: LabelPolicy): ScanReport {
  const report: ScanReport = { datasets: [], errors: [] };
  for (const name of names) {
    if (/broken|encrypted/i.test(name))
      report.errors.push({ source: name, message: 'the workbook is encrypted or corrupt; nothing was read' });
    else if (/case/i.test(name)) report.datasets.push(caseListDataset(name, policy));
    else if (/count|aggregate/i.test(name)) report.datasets.push(countsDataset(name, policy));
    else report.datasets.push(registrationDataset(name, policy));
  }
  return report;
}
