import { z } from 'zod';
import type { OfficeConfig } from '@luot/core';

/** Runtime schema of an office configuration file. The hub refuses to start on an invalid one. */
const text = z.object({ vi: z.string().min(1), en: z.string().min(1) });
const hm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'HH:MM');
const levelKey = z.enum(['1', '2', '3', '4']);

const levelRules = z.object({
  closedCounters: z.array(z.number().int().positive()),
  restrictedServices: z.union([z.array(z.string()), z.literal('non-essential')]),
  note: text.optional(),
});

export const OfficeConfigSchema = z
  .object({
    office: z.object({
      name: text,
      shortName: text.optional(),
      address: z.string().optional(),
      notice: text.optional(),
    }),
    services: z
      .array(
        z.object({
          prefix: z
            .string()
            .regex(/^[A-Z]$/, 'one capital letter')
            .refine(
              (p) => !'DIOQ'.includes(p),
              'D, Đ, I, O and Q are misread or misheard; choose another prefix',
            ),
          name: text,
          numberWidth: z.number().int().min(2).max(4),
          dailyCap: z.number().int().positive().optional(),
          essential: z.boolean().optional(),
          zone: z.string(),
          defaultServiceMinutes: z.number().positive(),
          icon: z.string().optional(),
        }),
      )
      .min(1),
    counters: z
      .array(
        z.object({
          number: z.number().int().min(1).max(999),
          services: z.array(z.string()),
          servesAllPriority: z.boolean().optional(),
          agency: text,
        }),
      )
      .min(1),
    zones: z
      .array(
        z.object({
          id: z.string(),
          name: text,
          capacity: z.record(levelKey, z.number().int().min(4)),
        }),
      )
      .min(1),
    levels: z.record(levelKey, levelRules),
    initialLevel: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
    sessions: z.object({
      timeZone: z.string(),
      days: z.array(z.number().int().min(1).max(7)),
      periods: z.array(z.object({ start: hm, end: hm })).min(1),
      stopWhenWaitPastClose: z.boolean(),
      holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).optional(),
      alwaysOpen: z.boolean().optional(),
    }),
    priorityCategories: z.array(z.object({ id: z.string(), name: text })),
    fairness: z.object({ maxPriorityInRow: z.number().int().min(1), agingMinutes: z.number().positive() }),
    rating: z.object({
      scale: z.union([z.literal(3), z.literal(4), z.literal(5)]),
      timeoutSeconds: z.number().int().min(5),
      reasons: z.array(z.object({ id: z.string(), name: text })),
    }),
  })
  .superRefine((c, ctx) => {
    const prefixes = new Set<string>();
    for (const s of c.services) {
      if (prefixes.has(s.prefix))
        ctx.addIssue({ code: 'custom', message: `service prefix ${s.prefix} is used twice` });
      prefixes.add(s.prefix);
      if (!c.zones.some((z) => z.id === s.zone)) {
        ctx.addIssue({ code: 'custom', message: `service ${s.prefix} waits in unknown zone ${s.zone}` });
      }
    }
    const numbers = new Set<number>();
    for (const k of c.counters) {
      if (numbers.has(k.number))
        ctx.addIssue({ code: 'custom', message: `counter ${k.number} is listed twice` });
      numbers.add(k.number);
      for (const s of k.services) {
        if (!prefixes.has(s))
          ctx.addIssue({ code: 'custom', message: `counter ${k.number} serves unknown service ${s}` });
      }
    }
    for (const s of c.services) {
      if (!c.counters.some((k) => k.services.includes(s.prefix))) {
        ctx.addIssue({ code: 'custom', message: `no counter serves service ${s.prefix}` });
      }
    }
    for (const key of ['1', '2', '3', '4'] as const) {
      if (!c.levels[key]) ctx.addIssue({ code: 'custom', message: `levels.${key} is missing` });
      for (const z of c.zones) {
        if (z.capacity[key] === undefined)
          ctx.addIssue({ code: 'custom', message: `zone ${z.id} has no capacity for level ${key}` });
      }
      for (const n of c.levels[key]?.closedCounters ?? []) {
        if (!numbers.has(n))
          ctx.addIssue({ code: 'custom', message: `level ${key} closes unknown counter ${n}` });
      }
    }
    try {
      new Intl.DateTimeFormat('en', { timeZone: c.sessions.timeZone });
    } catch {
      ctx.addIssue({ code: 'custom', message: `unknown time zone ${c.sessions.timeZone}` });
    }
  });

/** Parse and check an office configuration; throws a readable error listing every problem. */
export function parseOfficeConfig(input: unknown): OfficeConfig {
  const r = OfficeConfigSchema.safeParse(input);
  if (!r.success) {
    const lines = r.error.issues.map((i) => `  - ${i.path.join('.') || '(config)'}: ${i.message}`);
    throw new Error(`Invalid office configuration:\n${lines.join('\n')}`);
  }
  return r.data as unknown as OfficeConfig;
}
