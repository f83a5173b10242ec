import { createRequire } from 'node:module';
import type { RateLimiterMemory as Memory, RateLimiterRes as Res } from 'rate-limiter-flexible';

/**
 * The two classes of rate-limiter-flexible the hub uses, loaded alone: the package's index loads
 * every store it supports (Redis, Mongo, MySQL, DynamoDB…), some 9 MB of the hub's memory for
 * nothing (the hub's benchmark caught it); the in-memory limiter and its answer are small files.
 */
const load = createRequire(import.meta.url);
export const RateLimiterMemory = load('rate-limiter-flexible/lib/RateLimiterMemory.js') as typeof Memory;
export const RateLimiterRes = load('rate-limiter-flexible/lib/RateLimiterRes.js') as typeof Res;
