import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import hubPackage from '../../package.json' with { type: 'json' };
import { registerApi, type ApiDeps } from './api.js';
import { registerOpenApi } from './openapi.js';
import { registerApps } from './static-apps.js';

/**
 * The hub's HTTP side on Fastify: routing with body limits, the API and the built apps. Socket.IO
 * shares its server (transport/). Bad input — a malformed URL, an oversized body — is a 4xx with a
 * short message, never a crash or a 500.
 */
export async function createHttpServer(deps: ApiDeps & { logger: Logger }): Promise<FastifyInstance> {
  /**
   * Every failure answers the same way: a 4xx is the client's mistake, answered with its message
   * and not logged (anyone on the LAN can send garbage); a 5xx is ours, logged, its details kept.
   */
  const answerError = (
    err: { statusCode?: number; message: string },
    req: FastifyRequest,
    reply: FastifyReply,
  ): FastifyReply => {
    const status = err.statusCode ?? 500;
    if (status >= 500) deps.logger.error({ err, url: req.url }, 'http handler failed');
    return reply.code(status).send({ error: status >= 500 ? 'internal error' : err.message });
  };
  const app = Fastify({
    // Errors the router meets before any route runs — a URL that cannot be decoded, such as the
    // request line `GET http://[` — skip setErrorHandler; without this Fastify answers them in its
    // own shape, echoing the URL. Here they are a 400 like any other bad input.
    frameworkErrors: (err, req, reply) =>
      answerError(
        err.code === 'FST_ERR_BAD_URL' ? { statusCode: 400, message: 'malformed URL' } : err,
        req,
        reply,
      ),
    // No line per request (noise on a LAN of screens); failures are logged below.
    logger: false,
    bodyLimit: 64 * 1024,
    // Closing waits for no idle client: acknowledged work is already on disk.
    forceCloseConnections: true,
  });
  // Before the routes: it describes each as it is added (GET /api/openapi.json).
  await registerOpenApi(app, hubPackage.version);
  registerApi(app, deps);
  await registerApps(app);
  app.get('/', (_req, reply) => reply.redirect('/display'));
  // The API answers in JSON; only GET is served there.
  app.route({
    method: ['POST', 'PUT', 'PATCH', 'DELETE'],
    url: '/api/*',
    handler: (_req, reply) => reply.code(405).send({ error: 'method not allowed' }),
  });
  app.setErrorHandler((err: { statusCode?: number; message: string }, req, reply) =>
    answerError(err, req, reply),
  );
  app.setNotFoundHandler((req, reply) =>
    req.url.startsWith('/api/')
      ? reply.code(404).send({ error: 'not found' })
      : reply.code(404).type('text/plain; charset=utf-8').send('Không tìm thấy / Not found'),
  );
  return app;
}
