import { Validator } from '@seriousme/openapi-schema-validator';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '@luot/hub/testing';

let t: TestHub | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

type Spec = {
  openapi: string;
  paths: Record<
    string,
    Record<
      string,
      {
        security?: unknown[];
        requestBody?: {
          content: Record<string, { schema: { properties?: Record<string, unknown>; required?: string[] } }>;
        };
        parameters?: Array<{ name: string; in: string }>;
      }
    >
  >;
};

describe('GET /api/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document of every API route, made from the zod schemas', async () => {
    t = await startTestHub();
    const res = await fetch(`${t.hub.url}/api/openapi.json`);
    expect(res.status).toBe(200);
    const spec = (await res.json()) as Spec;
    expect(spec.openapi).toBe('3.1.0');
    const result = await new Validator().validate(spec as unknown as Parameters<Validator['validate']>[0]);
    expect(result.errors ?? [], JSON.stringify(result.errors)).toEqual([]);
    expect(result.valid).toBe(true);

    for (const path of [
      '/api/health',
      '/api/tickets/by-token/{token}',
      '/api/state',
      '/api/reports',
      '/api/exports/report.xlsx',
      '/api/exports/report.csv',
      '/api/plan/options',
      '/api/plan',
      '/api/exports/plan.xlsx',
      '/api/audit',
      '/api/reports/day',
      '/api/exports/tickets.csv',
    ])
      expect(Object.keys(spec.paths), path).toContain(path);
    // The plan's body is PlanBodySchema's: its fields, the date required.
    const body = spec.paths['/api/plan']!.post!.requestBody!.content['application/json']!.schema;
    expect(Object.keys(body.properties ?? {})).toEqual(
      expect.arrayContaining(['date', 'level', 'officers', 'arrivalsFactor', 'runs']),
    );
    expect(body.required).toContain('date');
    // The report's query parameters are ReportQuerySchema's.
    const query = spec.paths['/api/reports']!.get!.parameters!.filter((p) => p.in === 'query').map(
      (p) => p.name,
    );
    expect(query).toEqual(expect.arrayContaining(['from', 'to', 'service', 'counter', 'officer']));
    // Supervisor routes say they need the device's token and a session; the phone's does not.
    expect(spec.paths['/api/plan']!.post!.security).toEqual([{ device: [], session: [] }]);
    expect(spec.paths['/api/tickets/by-token/{token}']!.get!.security).toBeUndefined();
  });

  it('changes nothing of how routes answer bad input: the handlers’ zod refusals, in words', async () => {
    t = await startTestHub();
    const headers = { ...(await t.supervisorHeaders()), 'content-type': 'application/json' };
    const res = await fetch(`${t.hub.url}/api/plan`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ date: 'x' }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { code: string }).code).toBe('BAD_DATE');
  });
});
