import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../app/services.js';
import { errors } from '../../core/errors.js';
import { pageQuerySchema, pageSchema } from '../../core/pagination.js';
import { byteChunks, fileTooLarge, limitBytes } from '../../core/tabular/byte-source.js';
import { requestContext } from '../../http/auth.js';
import { queryOnly } from '../../http/spreadsheet-transfer.js';
import {
  alertRunSchema,
  alertSettingsSchema,
  alertSettingsUpdateSchema,
  alertsQuerySchema,
  usageAlertsSchema,
  appIdParamsSchema,
  appUpdateSchema,
  customAppCreateSchema,
  ingestQuerySchema,
  ingestResultSchema,
  organisationAppSchema,
  reportQuerySchema,
  usageFileSchema,
  usageReportSchema,
  xlsxReportQuerySchema,
} from './usage.schema.js';

const tags = ['ai-usage'];
const FILE_PART = 'file';
/** Raw uploads: the log as the request body. */
const RAW_TYPES = ['application/octet-stream', 'application/gzip', 'application/x-gzip', 'text/plain'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Busboy cuts a part at the size limit and only marks it truncated: that is a 413. */
async function* partBytes(part: MultipartFile, limit: number): AsyncGenerator<Buffer> {
  for await (const chunk of part.file) yield chunk as Buffer;
  if (part.file.truncated) throw fileTooLarge(limit);
}

/** The uploaded log: a multipart part named "file", or the raw body. */
async function upload(
  request: FastifyRequest,
  limit: number,
): Promise<{ name: string | undefined; chunks: AsyncIterable<Buffer>; part?: MultipartFile }> {
  if (request.isMultipart()) {
    const part = await request.file();
    if (!part || part.fieldname !== FILE_PART)
      throw errors.validation(`Send the log in a multipart part named "${FILE_PART}"`, [
        { path: FILE_PART, message: 'required' },
      ]);
    return { name: part.filename || undefined, chunks: partBytes(part, limit), part };
  }
  const body = request.body as NodeJS.ReadableStream | undefined;
  if (!body)
    throw errors.unsupportedMediaType(
      `Send the log as multipart/form-data (part "${FILE_PART}") or as the body (${RAW_TYPES.join(', ')})`,
    );
  return { name: undefined, chunks: limitBytes(byteChunks(body as AsyncIterable<Buffer>), limit) };
}

/**
 * AI usage: ingest logs, list the ingested files, the report (JSON or XLSX), and the organisation's
 * AI app catalogue. Multipart and raw log uploads are accepted by these routes only.
 */
export const usageRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const limit = services.config.uploadLimitBytes;
  await app.register(multipart, {
    limits: { fileSize: limit, files: 1, fields: 4, fieldSize: 1024, parts: 5, headerPairs: 50 },
  });
  // Raw bodies are streamed to the reader as they arrive (the size limit is counted there).
  app.addContentTypeParser(RAW_TYPES, (_request, payload, done) => done(null, payload));

  app.post(
    '/api/usage/ingest',
    {
      schema: {
        tags,
        summary: 'Ingest one proxy or DNS log (plain or gzip): multipart part "file", or the raw body',
        description:
          'The file is read whole, then its roll-ups are committed in one transaction with its SHA-256: ' +
          'the same file again changes nothing (status already_ingested). An unknown format or a damaged gzip writes nothing (400). ' +
          'Needs the pseudonymisation key (CUSTOS_USAGE_KEY) to be configured.',
        consumes: ['multipart/form-data', ...RAW_TYPES],
        querystring: ingestQuerySchema,
        response: { 200: ingestResultSchema },
      },
      bodyLimit: limit,
      validatorCompiler: queryOnly(),
    },
    async (request) => {
      const ctx = requestContext(request);
      const { name, chunks, part } = await upload(request, limit);
      try {
        return await services.usageIngest.ingest(
          ctx,
          { name: request.query.name ?? name ?? 'upload', chunks },
          { format: request.query.format, map: request.query.map },
        );
      } finally {
        part?.file.resume();
      }
    },
  );

  app.get(
    '/api/usage/files',
    {
      schema: {
        tags,
        summary: 'The ingested log files, newest first',
        querystring: pageQuerySchema,
        response: { 200: pageSchema(usageFileSchema) },
      },
    },
    async (request) => services.usageIngest.listFiles(requestContext(request), request.query),
  );

  app.get(
    '/api/usage/report',
    {
      schema: {
        tags,
        summary:
          'The AI usage report over a period (exact counts; suppress=true shows fewer than 5 users as "<5")',
        querystring: reportQuerySchema,
        response: { 200: usageReportSchema },
      },
    },
    async (request) => services.usageReport.report(requestContext(request), request.query),
  );

  app.get(
    '/api/usage/report.xlsx',
    {
      schema: {
        tags,
        summary:
          'The AI usage report as a workbook to share (small-cell suppression on unless suppress=false)',
        querystring: xlsxReportQuerySchema,
        response: { 200: { description: 'The report workbook', content: { [XLSX]: { schema: z.file() } } } },
      },
    },
    async (request, reply) => {
      const file = await services.usageReport.reportXlsx(requestContext(request), request.query);
      return (reply as FastifyReply)
        .header('content-type', XLSX)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'no-store')
        .send(file.content);
    },
  );

  app.get(
    '/api/usage/apps',
    {
      schema: {
        tags,
        summary:
          "The organisation's AI app catalogue: shipped apps with their status and overrides, and custom apps",
        response: { 200: z.object({ items: z.array(organisationAppSchema) }) },
      },
    },
    async (request) => ({ items: await services.usageApps.list(requestContext(request)) }),
  );

  app.get(
    '/api/usage/apps/:id',
    {
      schema: {
        tags,
        summary: 'One AI app',
        params: appIdParamsSchema,
        response: { 200: organisationAppSchema },
      },
    },
    async (request) => services.usageApps.get(requestContext(request), request.params.id),
  );

  app.put(
    '/api/usage/apps/:id',
    {
      schema: {
        tags,
        summary:
          "Set an app's status, risk, attribute overrides or note (version: the one read, 0 before any change)",
        params: appIdParamsSchema,
        body: appUpdateSchema,
        response: { 200: organisationAppSchema },
      },
    },
    async (request) => services.usageApps.update(requestContext(request), request.params.id, request.body),
  );

  app.post(
    '/api/usage/apps',
    {
      schema: {
        tags,
        summary: 'Add a custom AI app with the domains that identify it',
        body: customAppCreateSchema,
        response: { 201: organisationAppSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await services.usageApps.create(requestContext(request), request.body)),
  );

  app.get(
    '/api/usage/alerts',
    {
      schema: {
        tags,
        summary:
          'The AI usage alerts now true over the last days of stored usage, with their open actions (suppress=true shows fewer than 5 users as "<5")',
        querystring: alertsQuerySchema,
        response: { 200: usageAlertsSchema },
      },
    },
    async (request) => services.usageAlerts.list(requestContext(request), request.query),
  );

  app.post(
    '/api/usage/alerts/evaluate',
    {
      schema: {
        tags,
        summary:
          'Evaluate the alert rules now: open an action (source ai_usage) for each new alert, close those no longer true',
        response: { 200: alertRunSchema },
      },
    },
    async (request) => services.usageAlerts.run(requestContext(request)),
  );

  app.get(
    '/api/usage/alert-settings',
    {
      schema: {
        tags,
        summary: "The alert rules' settings (version 0 while the defaults apply)",
        response: { 200: alertSettingsSchema },
      },
    },
    async (request) => services.usageAlerts.settings(requestContext(request)),
  );

  app.put(
    '/api/usage/alert-settings',
    {
      schema: {
        tags,
        summary: "Change the alert rules' settings (version: the one read; a stale version answers 409)",
        body: alertSettingsUpdateSchema,
        response: { 200: alertSettingsSchema },
      },
    },
    async (request) => services.usageAlerts.updateSettings(requestContext(request), request.body),
  );
};
