import { describe, expect, it } from 'vitest';
import { readSpreadsheet } from '../../core/tabular/read.js';
import { DatasetClassifier, columnDetections } from './dataset-classifier.js';
import { loadLabelPolicy } from './label-policy.js';
import { proposeLabel } from './label-proposal.js';
import { MATCH } from './testing/classify.js';

/* The whole pure path a scanner will take: a file → rows → column detections → a proposed label. */
async function proposeFor(csv: string, source: string, mode: 'full' | 'sample' = 'full') {
  const table = await readSpreadsheet(Buffer.from(csv, 'utf8'));
  const classifier = new DatasetClassifier(table.headers, {
    match: MATCH,
    source,
    mode: mode === 'full' ? { kind: 'full' } : { kind: 'sample', size: 50, seed: 1 },
  });
  for await (const row of table.rows) classifier.feedRow(row.cells);
  const result = classifier.finish();
  return { result, proposal: proposeLabel(columnDetections(result), loadLabelPolicy()) };
}

const BENEFICIARIES = [
  'nombre;apellido;telefono;fecha de nacimiento;sexo;nacionalidad;religión;report_date;invoice',
  ...Array.from({ length: 120 }, (_, i) =>
    [
      ['María', 'José', 'Ana', 'Luis', 'Carmen'][i % 5],
      ['García', 'López', 'Pérez', 'Díaz'][i % 4],
      `+57 300 ${String(1_000_000 + i * 7919).slice(0, 7)}`,
      `${1 + (i % 28)}/${1 + (i % 12)}/19${60 + (i % 40)}`,
      i % 2 ? 'Femenino' : 'Masculino',
      i % 3 ? 'Venezolana' : 'Colombiana',
      i % 2 ? 'Católica' : 'Evangélica',
      `2024-03-${String(1 + (i % 28)).padStart(2, '0')}`,
      `INV-2024-${String(i + 1).padStart(4, '0')}`,
    ].join(';'),
  ),
].join('\n');

describe('from a file to a proposed label', () => {
  it('proposes Strictly Confidential for a beneficiary list with religion, with reasons per column', async () => {
    const { result, proposal } = await proposeFor(BENEFICIARIES, 'beneficiarios.csv');
    const types = Object.fromEntries(result.columns.map((c) => [c.name, c.detections.map((d) => d.type)]));
    expect(types).toMatchObject({
      nombre: ['person_name'],
      apellido: ['person_name'],
      telefono: ['phone'],
      'fecha de nacimiento': ['date_of_birth'],
      sexo: ['gender'],
      nacionalidad: ['nationality'],
      religión: ['religion'],
      report_date: [],
      invoice: [],
    });
    expect(proposal.proposed).toBe('Strictly Confidential');
    expect(proposal.reasons[0]).toBe('column `religión`: religion, high, 120/120 sampled');
    expect(proposal.reasons).toContain('column `telefono`: phone, high, 120/120 sampled');
  });

  it('gives the same label from a sample of 50 rows', async () => {
    const { proposal } = await proposeFor(BENEFICIARIES, 'beneficiarios.csv', 'sample');
    expect(proposal.proposed).toBe('Strictly Confidential');
    expect(proposal.reasons).toContain('column `telefono`: phone, high, 50/50 sampled');
  });

  it('proposes Public for a stock list, and says a person must confirm it', async () => {
    const stock = [
      'sku,item,quantity,unit_price,report_date',
      'SKU-1001,Tarpaulin,40,12.50,2024-03-01',
      'SKU-1002,Jerrycan 20L,120,3.20,2024-03-01',
      'SKU-1003,Blanket,300,4.75,2024-03-02',
    ].join('\n');
    const { proposal } = await proposeFor(stock, 'stock.csv');
    expect(proposal.proposed).toBe('Public');
    expect(proposal.rule).toMatch(/a person must confirm it/);
  });

  it('reads an HXL-tagged 3W-style file: counts and places stay Public', async () => {
    const file = [
      'Province,District,Partner,People reached',
      '#adm1+name,#adm2+name,#org+name,#reached+ind',
      'Nord-Kivu,Goma,NGO A,1200',
      'Nord-Kivu,Rutshuru,NGO B,850',
      'Ituri,Bunia,NGO A,430',
    ].join('\n');
    const { result, proposal } = await proposeFor(file, '3w.csv');
    expect(result.hxl).toBe(true);
    expect(proposal.proposed).toBe('Public');
  });
});
