import {
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { AssessmentReport } from './assessment-report.js';

/* The assessment report as a Word document. */

function factsTable(report: AssessmentReport): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: report.facts.map(
      (fact) =>
        new TableRow({
          children: [
            new TableCell({
              width: { size: 25, type: WidthType.PERCENTAGE },
              children: [new Paragraph({ children: [new TextRun({ text: fact.label, bold: true })] })],
            }),
            new TableCell({ children: [new Paragraph(fact.value)] }),
          ],
        }),
    ),
  });
}

function sectionParagraphs(report: AssessmentReport): Paragraph[] {
  const { labels } = report;
  return report.sections.flatMap((section) => [
    new Paragraph({ text: section.title, heading: HeadingLevel.HEADING_2 }),
    ...section.questions.flatMap((q) => [
      new Paragraph({
        spacing: { before: 160 },
        children: [new TextRun({ text: `${q.number} ${q.text}`, bold: true })],
      }),
      ...(q.answer ?? labels.noAnswer)
        .split('\n')
        .map(
          (line) => new Paragraph({ children: [new TextRun({ text: line, italics: q.answer === null })] }),
        ),
      ...q.evidence.map(
        (name) =>
          new Paragraph({ bullet: { level: 0 }, children: [new TextRun(`${labels.evidence}: ${name}`)] }),
      ),
    ]),
  ]);
}

function findingParagraphs(report: AssessmentReport): Paragraph[] {
  const { labels } = report;
  if (report.findings.length === 0) return [new Paragraph(labels.noFindings)];
  return report.findings.flatMap((f) => [
    new Paragraph({
      spacing: { before: 160 },
      children: [
        new TextRun({ text: `[${f.severity}] `, bold: true }),
        new TextRun({ text: f.title, bold: true }),
      ],
    }),
    ...(f.recommendation ? [new Paragraph(`${labels.recommendation}: ${f.recommendation}`)] : []),
    ...(f.question ? [new Paragraph(`${labels.question}: ${f.question}`)] : []),
    ...(f.riskId ? [new Paragraph(`${labels.risk}: ${f.riskId}`)] : []),
  ]);
}

export async function assessmentDocx(report: AssessmentReport): Promise<Buffer> {
  const document = new Document({
    creator: 'Custos',
    title: report.title,
    description: report.templateTitle,
    sections: [
      {
        children: [
          new Paragraph({ text: report.title, heading: HeadingLevel.TITLE }),
          factsTable(report),
          ...sectionParagraphs(report),
          new Paragraph({ text: report.labels.findings, heading: HeadingLevel.HEADING_1 }),
          ...findingParagraphs(report),
          ...(report.sources.length > 0
            ? [
                new Paragraph({ text: report.labels.sources, heading: HeadingLevel.HEADING_1 }),
                ...report.sources.map((s) => new Paragraph({ text: s, bullet: { level: 0 } })),
              ]
            : []),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
