/**
 * The plan routes of the hub as the console calls them (`GET /api/plan/options`, `POST /api/plan`):
 * the device token and the signed-in session in the headers, a refusal read as the hub's words.
 */
import type { Text } from '@luot/core';
import {
  PlanOptionsSchema,
  PlanResultSchema,
  type PlanBodyInput,
  type PlanOptions,
  type PlanResult,
} from '@luot/protocol';
import { ReportError, type HubAccess } from '../reports/api.js';

const LOST: Text = { vi: 'Mất kết nối máy chủ.', en: 'Lost connection to the hub.' };
const FAILED: Text = { vi: 'Máy chủ không lập được kế hoạch.', en: 'The hub could not make the plan.' };

async function call(access: HubAccess, path: string, body?: unknown): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(`${access.hubUrl.replace(/\/$/, '')}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        authorization: `Bearer ${access.token}`,
        'x-luot-session': access.session,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ReportError(LOST);
  }
  if (res.ok) return res;
  // Refusals: a 400/429/503 { code, message: { vi, en } }, a 401/403 { error: { code, message } }.
  const answer = (await res.json().catch(() => ({}))) as {
    message?: Text;
    error?: { code?: string; message?: Text } | string;
  };
  if (answer.message?.vi) throw new ReportError(answer.message);
  if (typeof answer.error === 'object' && answer.error.message) {
    throw new ReportError(answer.error.message, answer.error.code === 'SUPERVISOR_SIGNED_OUT');
  }
  throw new ReportError(FAILED);
}

export async function fetchPlanOptions(access: HubAccess): Promise<PlanOptions> {
  return PlanOptionsSchema.parse(await (await call(access, '/api/plan/options')).json());
}

export async function makePlan(access: HubAccess, body: PlanBodyInput): Promise<PlanResult> {
  // Checked on arrival like every answer the console reads: a hub of another version fails here,
  // in words, rather than somewhere in a chart.
  const parsed = PlanResultSchema.safeParse(await (await call(access, '/api/plan', body)).json());
  if (!parsed.success) throw new ReportError(FAILED);
  return parsed.data;
}

/**
 * The plan as an Excel workbook (`POST /api/exports/plan.xlsx`, the same body): the hub keeps its
 * last plans, so the one on screen is not simulated again. Fetched with the session headers, then
 * handed to the browser as a file.
 */
export async function downloadPlan(access: HubAccess, body: PlanBodyInput, date: string): Promise<void> {
  const res = await call(access, '/api/exports/plan.xlsx', body);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = `luot-ke-hoach-${date}.xlsx`;
  document.body.append(a);
  a.click();
  a.remove();
  // The browser has taken the file once the click returns; the URL is freed a little later.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
