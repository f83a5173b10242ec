import type { FastifyReply, FastifyRequest } from 'fastify';
import { RateLimiterMemory, RateLimiterRes } from './rate-limiter.js';

/** Said to a client over its limit (Vietnamese first, as every public page speaks). */
const TOO_MANY = {
  vi: 'Quá nhiều yêu cầu từ thiết bị này. Vui lòng thử lại sau ít giây.',
  en: 'Too many requests from this device. Please try again in a few seconds.',
};

/**
 * A per-address limit for the hub's public routes (the ticket's phone page now, the booking page
 * next): anyone who can reach the hub can call them, and a flood must cost the office's hub
 * nothing but a 429. rate-limiter-flexible keeps the counts (a maintained limiter whose keys can be
 * anything — the booking routes will count per phone number too); in memory, as the hub is one
 * process.
 */
export function publicLimit(perMinute: number) {
  const limiter = new RateLimiterMemory({ points: perMinute, duration: 60 });
  return async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
    try {
      await limiter.consume(req.ip);
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      const seconds = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
      await reply
        .code(429)
        .header('retry-after', String(seconds))
        .send({ error: 'too many requests', code: 'TOO_MANY_REQUESTS', message: TOO_MANY });
    }
  };
}
