import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { AppError, type ErrorCode, type FieldIssue } from '../core/errors.js';

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

/** Where a field lives in a request: body.name, query.limit, params.id. */
function fieldPath(instancePath: string, context: string | undefined): string {
  const field = instancePath.replace(/^\//, '').replaceAll('/', '.');
  return [context, field].filter(Boolean).join('.');
}

function zodIssues(error: ZodError, prefix = ''): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(root)',
    message:
      issue.code === 'unrecognized_keys' ? `unknown field(s): ${issue.keys.join(', ')}` : issue.message,
  }));
}

/** One mapping from every failure to `{ error: { code, message, details } }`; no stack traces leave. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | ZodError, request, reply) => {
    const send = (status: number, code: ErrorCode, message: string, details?: unknown) =>
      reply.status(status).send({
        error: { code, message, ...(details === undefined ? {} : { details }) },
      } satisfies ErrorBody);

    if (error instanceof AppError) return send(error.status, error.code, error.message, error.details);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues: FieldIssue[] = error.validation.map((v) => {
        const params = v.params as { issue?: { code?: string; keys?: string[] } } | undefined;
        const keys = params?.issue?.code === 'unrecognized_keys' ? params.issue.keys : undefined;
        return {
          path: fieldPath(v.instancePath, error.validationContext) || error.validationContext || '(root)',
          message: keys ? `unknown field(s): ${keys.join(', ')}` : (v.message ?? 'invalid'),
        };
      });
      const first = issues[0];
      return send(400, 'validation_failed', first ? `${first.path}: ${first.message}` : 'Invalid request', {
        issues,
      });
    }
    if (error instanceof ZodError) {
      const issues = zodIssues(error);
      return send(400, 'validation_failed', `${issues[0]?.path}: ${issues[0]?.message}`, { issues });
    }
    const fe = error as FastifyError;
    if (
      fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
      (fe.statusCode === 400 && error instanceof SyntaxError)
    ) {
      return send(400, 'invalid_json', 'The request body is not valid JSON');
    }
    if (fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY')
      return send(400, 'invalid_json', 'The request body is empty');
    if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fe.statusCode === 413) {
      return send(413, 'payload_too_large', 'The request body is too large');
    }
    if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || fe.statusCode === 415) {
      return send(415, 'unsupported_media_type', 'Send application/json');
    }
    if (fe.statusCode === 429)
      return send(429, 'rate_limited', 'Too many requests: wait a minute and try again');
    request.log.error({ err: error, reqId: request.id }, 'unhandled error');
    return send(500, 'internal', `Something went wrong on our side (request ${request.id})`, {
      request_id: request.id,
    });
  });

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({
      error: { code: 'not_found', message: `No route ${request.method} ${request.url.split('?')[0]}` },
    } satisfies ErrorBody);
  });
}

export { zodIssues };
