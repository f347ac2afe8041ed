import { Document, Packer, Paragraph } from 'docx';

/* Small real files of each kind, for tests of sniffing, storage and downloads. */

export const samplePdf = (text = 'evidence'): Buffer =>
  Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`);

export const samplePng = (): Buffer =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 1)]);

export const sampleJpeg = (): Buffer =>
  Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(32, 2)]);

/** A Windows executable's first bytes (MZ header with its DOS stub). */
export const sampleExe = (): Buffer =>
  Buffer.concat([
    Buffer.from('MZ'),
    Buffer.from([0x90, 0, 3, 0, 0, 0, 4, 0]),
    Buffer.from('This program cannot be run in DOS mode'),
  ]);

export const sampleHtml = (): Buffer =>
  Buffer.from('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>');

export async function sampleDocx(text = 'Signed agreement'): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph(text)] }] }));
}
