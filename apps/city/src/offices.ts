import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Pool } from './db.js';

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export const NewOfficeSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lower-case letters, digits and dashes'),
  name: z.string().min(1).max(200),
  province: z.string().min(1).max(100),
  commune: z.string().min(1).max(100),
  /** The office's token; a random one when absent. Only its hash is kept. */
  token: z.string().min(24).max(200).optional(),
});
export type NewOffice = z.input<typeof NewOfficeSchema>;

/** Register an office; returns its token (shown once: the city keeps only the hash). */
export async function createOffice(pool: Pool, input: NewOffice): Promise<{ id: string; token: string }> {
  const o = NewOfficeSchema.parse(input);
  const token = o.token ?? randomBytes(24).toString('base64url');
  await pool.query(
    `WITH o AS (INSERT INTO offices (id, name, province, commune, token_hash) VALUES ($1, $2, $3, $4, $5) RETURNING id)
     INSERT INTO office_cursors (office_id) SELECT id FROM o`,
    [o.id, o.name, o.province, o.commune, sha256(token)],
  );
  return { id: o.id, token };
}

/** The office a token belongs to, or null. */
export async function officeByToken(pool: Pool, token: string): Promise<string | null> {
  const { rows } = await pool.query<{ id: string }>('SELECT id FROM offices WHERE token_hash = $1', [
    sha256(token),
  ]);
  return rows[0]?.id ?? null;
}
