import swagger from '@fastify/swagger';
import type { FastifyInstance, FastifySchema } from 'fastify';
import { z } from 'zod';

/**
 * The hub's HTTP API described as OpenAPI 3.1 (`GET /api/openapi.json`), generated from the same
 * zod schemas that check each request in its handler (@luot/protocol) — never written by hand, so
 * it cannot drift from what the hub accepts. @fastify/swagger collects each route's `schema`;
 * `doc()` makes that schema from zod (zod 4's own JSON Schema output, draft 2020-12, which OpenAPI
 * 3.1 uses as it is).
 *
 * The schemas are documentation only: the handlers keep validating with zod (their refusals carry
 * codes and Vietnamese words Fastify's validator would not), so Fastify's own validator and
 * serializer are switched off for them (`documentOnly`).
 */
export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Lượt hub',
        version,
        description:
          'The HTTP side of an office hub. Screens use Socket.IO (docs/protocol.md); this is for supervisors, phones and other systems.',
      },
      components: {
        securitySchemes: {
          device: { type: 'http', scheme: 'bearer', description: "The device's token (hub file)." },
          integration: {
            type: 'http',
            scheme: 'bearer',
            description:
              'An integration token (a device of role "integration" in the hub file): the import API.',
          },
          session: {
            type: 'apiKey',
            in: 'header',
            name: 'X-Luot-Session',
            description: 'A signed-in supervisor’s session (supervisor.signIn).',
          },
        },
      },
    },
  });
  documentOnly(app);
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());
}

/** Fastify keeps the JSON Schemas for the document; zod in the handlers does the checking. */
function documentOnly(app: FastifyInstance): void {
  app.setValidatorCompiler(() => () => true);
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
}

const json = (schema: z.ZodType, io: 'input' | 'output') =>
  // Refinements in code (a calendar date that exists) have no JSON Schema: documented as the type.
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;

/** A route's OpenAPI entry from its zod schemas. */
export function doc(d: {
  summary: string;
  tags: string[];
  query?: z.ZodType;
  body?: z.ZodType;
  params?: z.ZodType;
  /** The 200 answer's JSON; or a file's media type. */
  response?: z.ZodType | { file: string };
  /** Supervisor routes: the device's token and a session. */
  supervisor?: boolean;
}): FastifySchema {
  const ok =
    d.response === undefined
      ? undefined
      : 'file' in d.response
        ? {
            description: 'a file',
            content: { [d.response.file]: { schema: { type: 'string', format: 'binary' } } },
          }
        : json(d.response, 'output');
  return {
    summary: d.summary,
    tags: d.tags,
    ...(d.query ? { querystring: json(d.query, 'input') } : {}),
    ...(d.body ? { body: json(d.body, 'input') } : {}),
    ...(d.params ? { params: json(d.params, 'input') } : {}),
    ...(ok ? { response: { 200: ok } } : {}),
    ...(d.supervisor ? { security: [{ device: [], session: [] }] } : {}),
  } as FastifySchema;
}
