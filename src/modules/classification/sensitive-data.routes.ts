import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../app/services.js';
import { pageQuerySchema, pageSchema } from '../../core/pagination.js';
import { requirePermission } from '../../core/permissions.js';
import { requestContext } from '../../http/auth.js';
import {
  FILE_PART,
  queryOnly,
  registerUploads,
  saveUploadedFiles,
  uploadBody,
  withUploadedFile,
} from '../../http/spreadsheet-transfer.js';
import { DEFAULT_SAMPLE } from './scans.service.js';
import {
  accessCheckQuerySchema,
  accessCheckResultSchema,
  databaseScanSchema,
  disclosureQuerySchema,
  disclosureReportSchema,
  grantsCheckSchema,
  grantsResultSchema,
  labelConfirmSchema,
  scanDatasetSchema,
  scanDetailSchema,
  scanListQuerySchema,
  scanStartedSchema,
  scanStartQuerySchema,
  scanSummarySchema,
  type Sampling,
} from './sensitive-data.schema.js';

const tags = ['sensitive data'];
/** Files one scan may upload at once. */
export const MAX_SCAN_FILES = 20;

const filesBody = z.object({
  [FILE_PART]: z
    .array(z.file())
    .describe(
      `One or more files to scan (CSV, TSV, XLSX, JSON, JSON Lines, Parquet, text), at most ${MAX_SCAN_FILES}`,
    ),
});

function sampling(full: boolean | undefined, size: number | undefined): Sampling {
  return full ? { kind: 'full' } : { kind: 'sample', size: size ?? DEFAULT_SAMPLE };
}

/**
 * Sensitive data over HTTP: scans (uploads or, for administrators, a database) run as jobs, their
 * results and label decisions, access checks of permission listings and database grants, and
 * disclosure risk of microdata. Multipart uploads are accepted by these routes only.
 */
export const sensitiveDataRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (
  app,
  { services },
) => {
  const limit = services.config.uploadLimitBytes;
  await registerUploads(app, limit, MAX_SCAN_FILES);

  app.post(
    '/api/scans',
    {
      schema: {
        tags,
        summary:
          'Scan uploaded files for personal and sensitive data (multipart, parts "file"); runs as a job',
        description:
          'Answers 202 with the scan and its job: poll GET /api/jobs/:id until it has finished, then read GET /api/scans/:id. ' +
          'The files are kept in a temporary folder until the job ends, then removed; raw values are never stored.',
        consumes: ['multipart/form-data'],
        querystring: scanStartQuerySchema,
        body: filesBody,
        response: { 202: scanStartedSchema },
      },
      validatorCompiler: queryOnly(),
    },
    async (request, reply) => {
      const ctx = requestContext(request);
      // Refuse before the upload is written anywhere.
      requirePermission(ctx.actor, 'classification.scan');
      const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'custos-scan-'));
      let files;
      try {
        files = await saveUploadedFiles(request, limit, dir);
      } catch (error) {
        await fs.promises.rm(dir, { recursive: true, force: true });
        throw error;
      }
      const started = await services.scans.start(ctx, {
        kind: 'files',
        files,
        uploadDir: dir,
        office_id: request.query.office_id,
        sampling: sampling(request.query.full, request.query.sample),
      });
      return reply.status(202).send(started);
    },
  );

  app.post(
    '/api/scans/database',
    {
      schema: {
        tags,
        summary: 'Scan a PostgreSQL or MySQL/MariaDB database by URL (administrators); runs as a job',
        description:
          'Every schema and table is read with the credentials given, read-only. The password is kept in memory for the job only and never stored.',
        body: databaseScanSchema,
        response: { 202: scanStartedSchema },
      },
    },
    async (request, reply) => {
      const { database_url, office_id, full, sample } = request.body;
      const started = await services.scans.start(requestContext(request), {
        kind: 'database',
        url: database_url,
        office_id,
        sampling: sampling(full, sample),
      });
      return reply.status(202).send(started);
    },
  );

  app.get(
    '/api/scans',
    {
      schema: {
        tags,
        summary:
          'List scans of your offices (and your own), newest first; filter by office_id, page with limit and cursor',
        querystring: scanListQuerySchema.extend(pageQuerySchema.shape),
        response: { 200: pageSchema(scanSummarySchema) },
      },
    },
    async (request) => services.scans.list(requestContext(request), request.query),
  );

  app.get(
    '/api/scans/:id',
    {
      schema: {
        tags,
        summary: 'Get a scan: its job, and each dataset → columns → detections with masked examples',
        params: z.object({ id: z.string() }),
        response: { 200: scanDetailSchema },
      },
    },
    async (request) => services.scans.get(requestContext(request), request.params.id),
  );

  app.post(
    '/api/scans/:id/datasets/:n/label',
    {
      schema: {
        tags,
        summary:
          'Confirm or override the label of a scanned dataset, optionally writing it into an inventory asset',
        description:
          'Overriding the proposal, or lowering it or the asset’s current label, needs a justification. ' +
          'A stale dataset or asset version answers 409 and changes nothing.',
        params: z.object({ id: z.string(), n: z.coerce.number().int().positive() }),
        body: labelConfirmSchema,
        response: { 200: scanDatasetSchema },
      },
    },
    async (request) =>
      services.scans.confirm(requestContext(request), request.params.id, request.params.n, request.body),
  );

  app.post(
    '/api/access/check',
    {
      schema: {
        tags,
        summary: 'Check a permission listing (CSV or XLSX, part "file") against the label policy',
        description:
          'Columns resource, principal, principal_type (user, group, guest, external, everyone, anonymous_link) and access_level. ' +
          'Give the label, or an asset_id to use its label: then violations become actions for the asset’s custodian.',
        consumes: ['multipart/form-data'],
        querystring: accessCheckQuerySchema,
        body: uploadBody,
        response: { 200: accessCheckResultSchema },
      },
      validatorCompiler: queryOnly(),
    },
    async (request) =>
      withUploadedFile(request, limit, (bytes) =>
        services.accessChecks.check(requestContext(request), bytes, request.query),
      ),
  );

  app.post(
    '/api/access/grants',
    {
      schema: {
        tags,
        summary:
          'Read who may access each table of a database (PUBLIC included) and check it against a label (administrators)',
        body: grantsCheckSchema,
        response: { 200: grantsResultSchema },
      },
    },
    async (request) =>
      services.accessChecks.grants(requestContext(request), request.body.database_url, request.body.label),
  );

  app.post(
    '/api/disclosure',
    {
      schema: {
        tags,
        summary:
          'Measure how re-identifiable a microdata file (CSV or XLSX, part "file") is before sharing it',
        description:
          'k-anonymity counts, individual and global risk against HDX’s 3% threshold, the riskiest keys, l-diversity and suggested recodings. ' +
          'Without qi, quasi-identifiers are suggested from the headers. Nothing is stored.',
        consumes: ['multipart/form-data'],
        querystring: disclosureQuerySchema,
        body: uploadBody,
        response: { 200: disclosureReportSchema },
      },
      validatorCompiler: queryOnly(),
    },
    async (request) =>
      withUploadedFile(request, limit, (bytes) =>
        services.disclosure.measure(requestContext(request), bytes, request.query),
      ),
  );
};
