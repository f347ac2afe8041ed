import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../app/services.js';
import { pageQuerySchema, pageSchema } from '../../core/pagination.js';
import { requestContext } from '../../http/auth.js';
import { SPREADSHEET_CONTENT_TYPES } from '../../core/tabular/spreadsheet-file.js';
import { collectBytes } from '../../core/tabular/byte-source.js';
import {
  download,
  queryOnly,
  registerUploads,
  sendFile,
  withUploadedFile,
} from '../../http/spreadsheet-transfer.js';
import { ALLOWED_MIME_TYPES } from '../files/file-type.js';
import { sendStoredFile } from '../files/files.routes.js';
import { languageSchema } from '../frameworks/frameworks.schema.js';
import {
  assessedRequirementSchema,
  assessmentCreateSchema,
  assessmentDetailSchema,
  assessmentListItemSchema,
  assessmentListQuerySchema,
  assessmentProgressSchema,
  assessmentSchema,
  assessmentUpdateSchema,
  deleteQuerySchema,
  requirementUpdateSchema,
} from './compliance.schema.js';

const PATH = '/api/compliance-assessments';
const idParams = z.object({ id: z.string() });
const requirementParams = z.object({ id: z.string(), requirementId: z.string() });
const langQuery = z.object({ lang: languageSchema.default('en') });
const tags = ['compliance'];

export const complianceRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { compliance, files } = services;
  await registerUploads(app, files.limitBytes);

  app.get(
    PATH,
    {
      schema: {
        tags,
        summary:
          'Compliance assessments in your scope, newest first, each with its overall progress; page with limit and cursor',
        description: 'office_id=none lists the organisation-wide assessments only.',
        querystring: assessmentListQuerySchema.extend(pageQuerySchema.shape),
        response: { 200: pageSchema(assessmentListItemSchema) },
      },
    },
    async (request) => compliance.list(requestContext(request), request.query),
  );
  app.post(
    PATH,
    {
      schema: {
        tags,
        summary: 'Start a compliance assessment against a framework of the library',
        description: 'office_id null or absent: the whole organisation (organisation-wide roles only).',
        body: assessmentCreateSchema,
        response: { 201: assessmentSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await compliance.create(requestContext(request), request.body)),
  );
  app.get(
    `${PATH}/:id`,
    {
      schema: {
        tags,
        summary: 'An assessment with every requirement of its framework (headings included) and its progress',
        params: idParams,
        querystring: langQuery,
        response: { 200: assessmentDetailSchema },
      },
    },
    async (request) => compliance.get(requestContext(request), request.params.id, request.query.lang),
  );
  app.patch(
    `${PATH}/:id`,
    {
      schema: {
        tags,
        summary: 'Change an assessment: title, scope, owner, status (send the version you read)',
        params: idParams,
        body: assessmentUpdateSchema,
        response: { 200: assessmentSchema },
      },
    },
    async (request) => compliance.update(requestContext(request), request.params.id, request.body),
  );
  app.delete(
    `${PATH}/:id`,
    {
      schema: {
        tags,
        summary: 'Delete an assessment with every status and link given in it',
        params: idParams,
        querystring: deleteQuerySchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await compliance.remove(requestContext(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );
  app.put(
    `${PATH}/:id/requirements/:requirementId`,
    {
      schema: {
        tags,
        summary: 'Assess a requirement: status, reason when not applicable, notes, evidence links, risks',
        description:
          'Send the version you read (0 the first time). Fields left out keep their value; evidence and ' +
          'risk_ids, when sent, replace the lists. A completed assessment answers 409 until reopened.',
        params: requirementParams,
        body: requirementUpdateSchema,
        response: { 200: assessedRequirementSchema },
      },
    },
    async (request) =>
      compliance.setRequirement(
        requestContext(request),
        request.params.id,
        request.params.requirementId,
        request.body,
      ),
  );
  app.get(
    `${PATH}/:id/progress`,
    {
      schema: {
        tags,
        summary: 'Progress overall and by theme: counts by status and a score (met 1, partial 0.5)',
        params: idParams,
        querystring: langQuery,
        response: { 200: assessmentProgressSchema },
      },
    },
    async (request) => compliance.progress(requestContext(request), request.params.id, request.query.lang),
  );
  app.get(
    `${PATH}/:id/export.xlsx`,
    {
      schema: {
        tags,
        summary: 'Download the assessment as a workbook: requirements with status, notes and links; by theme',
        params: idParams,
        response: { 200: download('The assessment workbook', [SPREADSHEET_CONTENT_TYPES.xlsx]) },
      },
    },
    async (request, reply) => {
      const file = await compliance.exportXlsx(requestContext(request), request.params.id);
      return sendFile(reply, { ...file, stream: Readable.from(file.body) });
    },
  );
  app.post(
    `${PATH}/:id/requirements/:requirementId/evidence`,
    {
      schema: {
        tags,
        summary:
          'Upload an evidence file for a requirement (multipart part "file"): type sniffed from the content, size limited; added to its evidence as a file link',
        params: requirementParams,
        consumes: ['multipart/form-data'],
        body: z.object({ file: z.file().describe('The evidence file') }),
        response: { 201: assessedRequirementSchema },
      },
      validatorCompiler: queryOnly(),
    },
    async (request, reply) => {
      const { id, requirementId } = request.params as { id: string; requirementId: string };
      const requirement = await withUploadedFile(request, files.limitBytes, async (bytes, file) =>
        compliance.addEvidenceFile(requestContext(request), id, requirementId, {
          bytes: await collectBytes(bytes, files.limitBytes),
          name: file.filename || 'file',
        }),
      );
      return reply.status(201).send(requirement);
    },
  );
  app.get(
    `${PATH}/:id/requirements/:requirementId/evidence/:sha256`,
    {
      schema: {
        tags,
        summary: 'Download an evidence file uploaded to the assessment (always as an attachment)',
        params: requirementParams.extend({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
        response: { 200: download('The evidence file', ALLOWED_MIME_TYPES) },
      },
    },
    async (request, reply) =>
      sendStoredFile(
        reply,
        await compliance.evidenceFile(
          requestContext(request),
          request.params.id,
          request.params.requirementId,
          request.params.sha256,
        ),
      ),
  );
};
