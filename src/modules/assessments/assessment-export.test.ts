import { describe, expect, it } from 'vitest';
import { zipEntries } from '../frameworks/testing/zip-entries.js';
import { assessmentDocx } from './assessment-docx.js';
import { assessmentPdf, toWinAnsi } from './assessment-pdf.js';
import { buildReport, exportFileName } from './assessment-report.js';
import { loadShippedTemplates } from './assessment-templates.data.js';
import type { AssessmentDetail } from './assessments.schema.js';
import { pdfPageCount, pdfTextLines } from './testing/pdf-text.js';

const dpia = loadShippedTemplates().find((t) => t.id === 'dpia')!;

const detail: AssessmentDetail = {
  id: 'a1',
  template_id: 'dpia',
  template_title: dpia.title.en,
  title: 'Registre des bénéficiaires — Niñez',
  subject_kind: 'text',
  subject_id: null,
  subject_text: 'Base de données d’enregistrement',
  office_id: 'o1',
  office_name: 'Sénégal',
  status: 'completed',
  revision: 2,
  version: 7,
  answered: 3,
  questions: 17,
  created_by: 'amina@example.org',
  created_at: '2026-11-01T09:00:00.000Z',
  updated_at: '2026-11-02T09:00:00.000Z',
  completed_by: 'amina@example.org',
  completed_at: '2026-11-02T09:00:00.000Z',
  template: dpia,
  answers: {
    purpose: 'Enregistrer les ménages pour l’aide en espèces',
    minimisation: 'yes',
    legal_basis: 'vital_interest',
  },
  findings: [
    {
      id: 'f1',
      assessment_id: 'a1',
      question_id: 'retention',
      title: 'Durée de conservation non définie',
      severity: 'high',
      recommendation: 'Fixer une durée et la publier',
      risk_id: null,
      version: 1,
      created_at: '2026-11-01T09:00:00.000Z',
      updated_at: '2026-11-01T09:00:00.000Z',
    },
  ],
  evidence: [
    {
      id: 'e1',
      owner_kind: 'assessment',
      owner_id: 'a1',
      owner_slot: 'security',
      sha256: 'ab'.repeat(32),
      name: 'politique-sécurité.pdf',
      type: 'application/pdf',
      size: 100,
      uploaded_by: 'amina@example.org',
      uploaded_at: '2026-11-01T09:00:00.000Z',
    },
  ],
  versions: [],
};

describe('assessment reports', () => {
  it('lay out answers in the chosen language, findings by severity and evidence under their question', () => {
    const report = buildReport(detail, 'fr', '2026-12-01');
    expect(report.facts.find((f) => f.label === 'Statut')?.value).toBe('Terminée');
    const q = report.sections[1]!.questions.find((x) => x.text.startsWith('Seules'))!;
    expect(q.answer).toBe('Oui');
    expect(report.sections[1]!.questions[0]!.answer).toBe('Intérêt vital');
    expect(report.sections[3]!.questions[0]!.evidence[0]).toContain('politique-sécurité.pdf');
    expect(report.findings[0]).toMatchObject({ severity: 'Élevée', question: '2.3' });
    expect(exportFileName(detail, 'pdf')).toBe('Registre-des-beneficiaires-Ninez-r2.pdf');
  });

  it('export a Word document whose text holds the French answers with their accents', async () => {
    const docx = await assessmentDocx(buildReport(detail, 'fr', '2026-12-01'));
    const xml = zipEntries(docx).get('word/document.xml')!.toString('utf8');
    expect(xml).toContain('Registre des bénéficiaires — Niñez');
    expect(xml).toContain('Enregistrer les ménages pour l’aide en espèces');
    expect(xml).toContain('Durée de conservation non définie');
    expect(xml).toContain('Sans réponse');
  });

  it('export a PDF whose text holds the Spanish questions with their accents', async () => {
    const pdf = await assessmentPdf(buildReport(detail, 'es', '2026-12-01'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfTextLines(pdf).join('\n');
    expect(text).toContain('¿Cuál es la finalidad del tratamiento?');
    expect(text).toContain('Registre des bénéficiaires — Niñez');
    expect(text).toContain('[Alta] Durée de conservation non définie');
    expect(pdfPageCount(pdf)).toBeGreaterThanOrEqual(2);
  });

  it.each([
    ['café ñ œ €', 'café ñ œ €'],
    ['日本', '??'],
    ['tab\there', 'tab here'],
  ])('keep %j printable as %j in the PDF font', (given, printed) => {
    expect(toWinAnsi(given)).toBe(printed);
  });
});
