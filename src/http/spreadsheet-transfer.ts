import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchemaCompiler } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors, isAppError } from '../core/errors.js';
import { fileTooLarge } from '../core/tabular/byte-source.js';

/* Spreadsheet uploads and downloads over HTTP: shared by every module's import and export routes. */

export const FILE_PART = 'file';

/** Documents the multipart form for OpenAPI (the handler streams the part itself). */
export const uploadBody = z.object({
  [FILE_PART]: z.file().describe('The spreadsheet: an Excel workbook (.xlsx) or a CSV file'),
});

/**
 * Accept multipart uploads inside the calling plugin only, with the server's upload limits. Register
 * it in the plugin that declares the upload routes.
 */
export async function registerUploads(app: FastifyInstance, limit: number, files = 1): Promise<void> {
  await app.register(multipart, {
    limits: { fileSize: limit, files, fields: 4, fieldSize: 1024, parts: files + 4, headerPairs: 50 },
  });
}

/** A binary download, documented per content type (the stream itself is never serialised). */
export function download(description: string, types: readonly string[]) {
  return {
    description,
    content: Object.fromEntries(types.map((type) => [type, { schema: z.file() }])),
  };
}

/**
 * The bytes of the uploaded part. Busboy cuts a part at the size limit and only marks it
 * truncated, so the end of a cut part is turned into 413 here, before any row is trusted.
 */
async function* uploadBytes(part: MultipartFile, limit: number): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of part.file) yield chunk as Buffer;
  } catch (error) {
    throw malformed(error);
  }
  if (part.file.truncated) throw fileTooLarge(limit);
}

/**
 * The multipart parser fails with plain errors on a broken body ("Unexpected end of form"): that is
 * the client's mistake (400). Its limit errors carry their own status (413) and pass through.
 */
function malformed(error: unknown): unknown {
  const status = typeof error === 'object' && error !== null && 'statusCode' in error;
  if (isAppError(error) || status) return error;
  return errors.validation('The upload is not a complete multipart/form-data body; send the file again', [
    { path: FILE_PART, message: 'incomplete or malformed multipart body' },
  ]);
}

/**
 * Hand the uploaded file (multipart part "file") to `work` as a byte stream: not multipart is 415,
 * a missing part 400, a file over `limit` 413.
 */
export async function withUploadedFile<T>(
  request: FastifyRequest,
  limit: number,
  work: (bytes: AsyncIterable<Buffer>, file: { filename: string }) => Promise<T>,
): Promise<T> {
  if (!request.isMultipart())
    throw errors.unsupportedMediaType(`Send the file as multipart/form-data, in a part named "${FILE_PART}"`);
  const part = await request.file().catch((error: unknown) => {
    throw malformed(error);
  });
  if (!part || part.fieldname !== FILE_PART)
    throw errors.validation(`Send the file in a multipart part named "${FILE_PART}"`, [
      { path: FILE_PART, message: 'required' },
    ]);
  try {
    return await work(uploadBytes(part, limit), { filename: part.filename });
  } finally {
    // A refusal before the end of the file (permission, file type): let the rest of the upload drain.
    part.file.resume();
  }
}

/** An uploaded file's name as it may be shown: no folders, no control characters, bounded. */
function safeName(filename: string | undefined, index: number): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  const base = path.basename((filename ?? '').replaceAll('\\', '/')).replace(/[\u0000-\u001f\u007f]/g, '');
  return base.slice(0, 255) || `file-${index + 1}`;
}

/**
 * Save every uploaded file (multipart parts named "file") into `dir`, each under a numbered name
 * keeping its extension, and return where each went with its name as sent. Not multipart is 415,
 * no file 400, a file over `limit` 413; the caller removes `dir` on failure.
 */
export async function saveUploadedFiles(
  request: FastifyRequest,
  limit: number,
  dir: string,
): Promise<{ path: string; name: string }[]> {
  if (!request.isMultipart())
    throw errors.unsupportedMediaType(`Send the files as multipart/form-data, in parts named "${FILE_PART}"`);
  const saved: { path: string; name: string }[] = [];
  try {
    for await (const part of request.parts()) {
      if (part.type !== 'file') continue;
      if (part.fieldname !== FILE_PART) {
        part.file.resume();
        throw errors.validation(`Send each file in a multipart part named "${FILE_PART}"`, [
          { path: part.fieldname, message: `unexpected part; use "${FILE_PART}"` },
        ]);
      }
      const name = safeName(part.filename, saved.length);
      const extension = path
        .extname(name)
        .toLowerCase()
        .replace(/[^a-z0-9.]/g, '');
      const target = path.join(dir, `${saved.length + 1}${extension}`);
      await pipeline(Readable.from(uploadBytes(part, limit)), fs.createWriteStream(target));
      saved.push({ path: target, name });
    }
  } catch (error) {
    throw malformed(error);
  }
  if (saved.length === 0)
    throw errors.validation(`Send at least one file in a multipart part named "${FILE_PART}"`, [
      { path: FILE_PART, message: 'required' },
    ]);
  return saved;
}

/**
 * The upload's body schema documents the multipart form for OpenAPI; the parts are streamed by the
 * handler, which checks them itself, so only the query string is validated with zod.
 */
export function queryOnly<S>(): FastifySchemaCompiler<S> {
  // Fastify types a route's compiler with the whole route schema; at run time it gets one part's schema.
  type PartRoute = Parameters<typeof validatorCompiler>[0];
  return (route) =>
    route.httpPart === 'body'
      ? () => ({ value: undefined })
      : validatorCompiler(route as unknown as PartRoute);
}

/** Send a generated file as an attachment. */
export function sendFile(
  reply: FastifyReply,
  file: { filename: string; contentType: string; stream: Readable },
) {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('cache-control', 'no-store')
    .send(file.stream);
}
