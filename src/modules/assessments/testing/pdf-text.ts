import iconv from 'iconv-lite';
import { inflateSync } from 'node:zlib';

/**
 * The text lines of a PDF written by pdfkit with its built-in fonts: the page streams inflated, each
 * TJ array's hex strings decoded as WinAnsi (Windows-1252). Enough to check an export's content
 * without a PDF library; not a general PDF reader.
 */
export function pdfTextLines(pdf: Buffer): string[] {
  const source = pdf.toString('latin1');
  const lines: string[] = [];
  const streams = /stream\r?\n/g;
  let match: RegExpExecArray | null;
  while ((match = streams.exec(source))) {
    const start = match.index + match[0].length;
    const end = source.indexOf('endstream', start);
    let content: string;
    try {
      content = inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      continue; // not a compressed content stream (e.g. a font or metadata)
    }
    for (const array of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      const hex = [...array[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]).join('');
      lines.push(iconv.decode(Buffer.from(hex, 'hex'), 'win1252'));
    }
  }
  return lines;
}

/** How many pages the PDF has, from its page tree. */
export function pdfPageCount(pdf: Buffer): number {
  return [...pdf.toString('latin1').matchAll(/\/Type\s*\/Page\b/g)].length;
}
