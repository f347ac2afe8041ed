import type { FastifySchemaCompiler } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';

/**
 * For upload routes: the body schema documents the upload for OpenAPI, but the body is streamed by
 * the handler, which checks it itself, so only the other parts (query string, params) are validated.
 */
export function queryOnly<S>(): FastifySchemaCompiler<S> {
  // Fastify types a route's compiler with the whole route schema; at run time it gets one part's schema.
  type PartRoute = Parameters<typeof validatorCompiler>[0];
  return (route) =>
    route.httpPart === 'body'
      ? () => ({ value: undefined })
      : validatorCompiler(route as unknown as PartRoute);
}
