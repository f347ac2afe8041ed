import {
  Document,
  ExternalHyperlink,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import {
  briefTitle,
  requirementLine,
  SUMMARY_DISCLAIMER,
  summaryParagraph,
  type CrosswalkExport,
} from './crosswalk-brief.js';

/* The crosswalk as a Word brief: title, generated summary, the comparative table, sources with dates. */

const HEADER_FILL = 'D9E2F3';

function headerCell(text: string): TableCell {
  return new TableCell({
    shading: { type: ShadingType.CLEAR, color: 'auto', fill: HEADER_FILL },
    children: [new Paragraph({ children: [new TextRun({ text, bold: true })] })],
  });
}

function linesCell(lines: readonly string[]): TableCell {
  return new TableCell({
    children:
      lines.length === 0
        ? [new Paragraph({ children: [new TextRun({ text: '—', color: '808080' })] })]
        : lines.map((line) => new Paragraph({ text: line, spacing: { after: 60 } })),
  });
}

function comparativeTable({ crosswalk }: CrosswalkExport): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: [headerCell('Theme'), ...crosswalk.frameworks.map((f) => headerCell(f.short_title))],
      }),
      ...crosswalk.rows.map(
        (row) =>
          new TableRow({
            cantSplit: false,
            children: [
              new TableCell({
                children: [new Paragraph({ children: [new TextRun({ text: row.theme.label, bold: true })] })],
              }),
              ...row.cells.map((cell) => linesCell(cell.requirements.map(requirementLine))),
            ],
          }),
      ),
    ],
  });
}

function sources({ crosswalk }: CrosswalkExport): Paragraph[] {
  return crosswalk.frameworks.flatMap((f) => [
    new Paragraph({
      bullet: { level: 0 },
      children: [
        new TextRun({ text: `${f.short_title}: `, bold: true }),
        new TextRun(`${f.title}. ${f.issuer}; ${f.version}; dated ${f.date}. `),
        new ExternalHyperlink({
          link: f.source_url,
          children: [new TextRun({ text: f.source_url, style: 'Hyperlink' })],
        }),
      ],
    }),
    ...f.dates.map(
      (d) => new Paragraph({ bullet: { level: 1 }, children: [new TextRun(`${d.date}: ${d.event}`)] }),
    ),
  ]);
}

export async function crosswalkDocx(input: CrosswalkExport): Promise<Buffer> {
  const title = briefTitle(input.crosswalk);
  const document = new Document({
    creator: 'Custos',
    title,
    description: 'Comparative table of governance frameworks by theme',
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        children: [
          new Paragraph({ text: title, heading: HeadingLevel.TITLE }),
          new Paragraph({
            children: [new TextRun({ text: `Generated on ${input.generatedOn} by Custos`, italics: true })],
          }),
          new Paragraph({ text: 'Summary', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: summaryParagraph(input.crosswalk) }),
          new Paragraph({ text: 'Comparative table', heading: HeadingLevel.HEADING_1 }),
          comparativeTable(input),
          new Paragraph({ text: 'Sources', heading: HeadingLevel.HEADING_1 }),
          ...sources(input),
          new Paragraph({ children: [new TextRun({ text: SUMMARY_DISCLAIMER, italics: true, size: 18 })] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
