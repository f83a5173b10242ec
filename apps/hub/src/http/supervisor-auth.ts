import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Officer } from '@luot/core';
import { protocolError, type ErrorCode } from '@luot/protocol';
import { sha256 } from '../auth.js';
import type { LoadedConfig } from '../config.js';
import type { Engine } from '../engine/engine.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The supervisor a request to a supervisor route was opened by (set by `requireSupervisor`). */
    supervisor?: Officer;
  }
}

/**
 * The gate of every supervisor HTTP route (state, reports, exports, the audit log): the supervisor
 * device's token as `Authorization: Bearer …`, and the session token its sign-in answered as
 * `X-Luot-Session` — a report names officers and their ratings, so the device alone is not enough,
 * the person must have signed in with their PIN (docs/hub.md, "Supervisors"). Each request counts
 * as activity for the idle sign-out. Refusals carry the same codes and Vietnamese messages as the
 * Socket.IO commands: 401 without a valid device token or session, 403 for another role's device.
 */
export function requireSupervisor(engine: Engine, config: LoadedConfig) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const refuse = (status: number, code: ErrorCode) =>
      reply.code(status).send({ error: protocolError(code) });
    const m = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
    const device = m ? config.devicesByTokenHash.get(sha256(m[1]!)) : undefined;
    if (!device) return refuse(401, 'UNAUTHORIZED');
    if (device.role !== 'supervisor') return refuse(403, 'FORBIDDEN');
    const session = req.headers['x-luot-session'];
    if (typeof session !== 'string' || session.length === 0) return refuse(401, 'SUPERVISOR_SIGNED_OUT');
    const officer = engine.supervisorSession(device, session);
    if ('ok' in officer) return refuse(401, officer.error.code);
    req.supervisor = officer;
  };
}
