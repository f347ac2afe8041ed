import PDFDocument from 'pdfkit';
import type { AssessmentReport } from './assessment-report.js';

/*
 * The assessment report as a PDF, with pdfkit's built-in Helvetica: its WinAnsi encoding covers
 * French and Spanish (é, è, à, ç, œ, ñ, ¿, ¡ …), so no font file is needed. Characters outside it
 * (other scripts, emoji) are replaced with "?" rather than printed as garbage.
 */

const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

export function toWinAnsi(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    out +=
      (code >= 0x20 && code <= 0x7e) ||
      (code >= 0xa0 && code <= 0xff) ||
      char === '\n' ||
      WIN_ANSI_EXTRA.has(char)
        ? char
        : char === '\t'
          ? ' '
          : '?';
  }
  return out;
}

export function assessmentPdf(report: AssessmentReport): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: toWinAnsi(report.title), Creator: 'Custos', Subject: toWinAnsi(report.templateTitle) },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const text = (
    value: string,
    options: { font?: string; size?: number; gap?: number; color?: string } = {},
  ) => {
    doc
      .font(options.font ?? 'Helvetica')
      .fontSize(options.size ?? 10)
      .fillColor(options.color ?? '#000000')
      .text(toWinAnsi(value));
    if (options.gap) doc.moveDown(options.gap);
  };
  const { labels } = report;

  text(report.title, { font: 'Helvetica-Bold', size: 18, gap: 0.5 });
  for (const fact of report.facts) text(`${fact.label}: ${fact.value}`, { size: 10 });
  doc.moveDown(1);
  for (const section of report.sections) {
    text(section.title, { font: 'Helvetica-Bold', size: 13, gap: 0.3 });
    for (const q of section.questions) {
      text(`${q.number} ${q.text}`, { font: 'Helvetica-Bold', size: 10 });
      text(q.answer ?? labels.noAnswer, {
        font: q.answer === null ? 'Helvetica-Oblique' : 'Helvetica',
        color: q.answer === null ? '#666666' : '#000000',
      });
      for (const name of q.evidence) text(`• ${labels.evidence}: ${name}`, { size: 9 });
      doc.moveDown(0.5);
    }
    doc.moveDown(0.5);
  }
  text(labels.findings, { font: 'Helvetica-Bold', size: 13, gap: 0.3 });
  if (report.findings.length === 0) text(labels.noFindings);
  for (const f of report.findings) {
    text(`[${f.severity}] ${f.title}`, { font: 'Helvetica-Bold' });
    if (f.recommendation) text(`${labels.recommendation}: ${f.recommendation}`);
    if (f.question) text(`${labels.question}: ${f.question}`);
    if (f.riskId) text(`${labels.risk}: ${f.riskId}`);
    doc.moveDown(0.5);
  }
  if (report.sources.length > 0) {
    doc.moveDown(0.5);
    text(labels.sources, { font: 'Helvetica-Bold', size: 13, gap: 0.3 });
    for (const source of report.sources) text(`• ${source}`, { size: 9 });
  }
  doc.end();
  return done;
}
