import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.js';
import { cleanFileName, downloadContentType, sniffFileType } from './file-type.js';
import {
  sampleDocx,
  sampleExe,
  sampleHtml,
  sampleJpeg,
  samplePdf,
  samplePng,
} from './testing/sample-files.js';

function refusal(bytes: Buffer, name: string): string {
  try {
    sniffFileType(bytes, name);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).code;
  }
  return 'accepted';
}

describe('sniffing a file type from its content', () => {
  it.each([
    ['report.pdf', samplePdf(), 'application/pdf'],
    ['photo.PNG', samplePng(), 'image/png'],
    ['photo.jpeg', sampleJpeg(), 'image/jpeg'],
    ['photo.jpg', sampleJpeg(), 'image/jpeg'],
    ['list.csv', Buffer.from('name,age\nAmina,34\n'), 'text/csv'],
    ['notes.txt', Buffer.from('Réunion du comité — décisions prises\n'), 'text/plain'],
    ['README.md', Buffer.from('# Évaluation\n\n- point\n'), 'text/markdown'],
    ['data.json', Buffer.from('{"a": [1, 2]}'), 'application/json'],
  ])('accepts %s as %s', (name, bytes, mime) => {
    expect(sniffFileType(bytes, name).mime).toBe(mime);
  });

  it('recognises a Word document by the entries of its ZIP', async () => {
    expect(sniffFileType(await sampleDocx(), 'agreement.docx').kind).toBe('docx');
  });

  it('recognises an OpenDocument text by its mimetype entry', () => {
    const mimetype = Buffer.from('application/vnd.oasis.opendocument.text');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(8, 26);
    expect(
      sniffFileType(Buffer.concat([header, Buffer.from('mimetype'), mimetype]), 'minutes.odt').kind,
    ).toBe('odt');
  });

  it.each([
    ['an executable renamed .pdf', sampleExe(), 'invoice.pdf', 'unsupported_media_type'],
    ['an HTML page renamed .pdf', sampleHtml(), 'invoice.pdf', 'unsupported_media_type'],
    ['an HTML page named .txt', sampleHtml(), 'page.txt', 'unsupported_media_type'],
    [
      'an SVG image',
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'),
      'logo.svg',
      'unsupported_media_type',
    ],
    ['a PDF named .docx', samplePdf(), 'letter.docx', 'unsupported_media_type'],
    ['text named .pdf', Buffer.from('just text'), 'fake.pdf', 'unsupported_media_type'],
    ['text with an unknown extension', Buffer.from('echo hi'), 'run.sh', 'unsupported_media_type'],
    ['invalid JSON named .json', Buffer.from('{not json'), 'data.json', 'unsupported_media_type'],
    [
      'a plain ZIP archive',
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]),
      'archive.docx',
      'unsupported_media_type',
    ],
    ['an empty file', Buffer.alloc(0), 'empty.txt', 'validation_failed'],
  ])('refuses %s', (_what, bytes, name, code) => {
    expect(refusal(bytes, name)).toBe(code);
  });
});

describe('download headers and names', () => {
  it.each([
    ['application/pdf', 'application/pdf'],
    ['text/csv', 'text/csv; charset=utf-8'],
    ['application/json', 'application/json; charset=utf-8'],
    ['text/html', 'application/octet-stream'],
  ])('sends %s as %s', (stored, sent) => {
    expect(downloadContentType(stored)).toBe(sent);
  });

  it.each([
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\a\\report.pdf', 'report.pdf'],
    ['bad"name\u0007.pdf', 'badname.pdf'],
    ['', 'file'],
  ])('cleans %j to %j', (given, cleaned) => {
    expect(cleanFileName(given)).toBe(cleaned);
  });
});
