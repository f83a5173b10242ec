import { afterEach, describe, expect, it } from 'vitest';
import { HttpGateway, LogGateway, SmsConfigSchema, type SmsMessage } from '../src/index.js';
import { FakeSmsServer } from '../src/testing/fake-sms-server.js';

const otp: SmsMessage = {
  to: '+84912345678',
  text: 'Mã xác nhận đặt lịch Lượt của Quý vị là 482913, có hiệu lực 5 phút.',
  kind: 'otp',
  secret: '482913',
};

let fake: FakeSmsServer | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

function http(url: string, more: Record<string, unknown> = {}) {
  const config = SmsConfigSchema.parse({ kind: 'http', url, backoffMs: 1, ...more });
  if (config.kind !== 'http') throw new Error('http config');
  return new HttpGateway(config);
}

describe('the HTTP gateway, against a provider that fails sometimes', () => {
  it('posts the message as JSON with the configured fields and headers, and keeps the provider’s id', async () => {
    fake = await FakeSmsServer.start();
    const gw = http(`${fake.url}/send`, {
      headers: { authorization: 'Bearer k3y' },
      body: { phone: '{to}', message: '{text}', type: '{kind}' },
      idField: 'result.id',
    });
    expect(await gw.send(otp)).toEqual({ status: 'sent', attempts: 1, providerId: 'fake-1' });
    const [r] = fake.requests;
    expect(r!.body).toEqual({ phone: '+84912345678', message: otp.text, type: 'otp' });
    expect(r!.headers.authorization).toBe('Bearer k3y');
    expect(r!.path).toBe('/send');
  });

  it('sends a form when asked, with the number in the URL encoded', async () => {
    fake = await FakeSmsServer.start();
    const gw = http(`${fake.url}/send?to={to}`, { encoding: 'form' });
    expect((await gw.send(otp)).status).toBe('sent');
    expect(fake.requests[0]!.path).toBe('/send?to=%2B84912345678');
    expect(fake.requests[0]!.body).toEqual({ to: '+84912345678', text: otp.text });
  });

  it('tries again after 503 and 429, with back-off, until the provider takes it', async () => {
    fake = await FakeSmsServer.start({ answer: (n) => (n === 1 ? 503 : n === 2 ? 429 : 200) });
    expect(await http(fake.url).send(otp)).toEqual({ status: 'sent', attempts: 3, providerId: null });
    expect(fake.requests.map((r) => r.status)).toEqual([503, 429, 200]);
  });

  it('gives up after the configured attempts, with the last error as the status', async () => {
    fake = await FakeSmsServer.start({ answer: () => 502 });
    const status = await http(fake.url, { attempts: 3 }).send(otp);
    expect(status).toMatchObject({ status: 'failed', attempts: 3 });
    expect(status.status === 'failed' && status.error).toMatch(/^HTTP 502/);
    expect(fake.requests).toHaveLength(3);
  });

  it('does not try again when the provider refuses the request itself (400)', async () => {
    fake = await FakeSmsServer.start({ answer: () => 400 });
    expect(await http(fake.url).send(otp)).toMatchObject({ status: 'failed', attempts: 1 });
    expect(fake.requests).toHaveLength(1);
  });

  it('fails with a status, not an exception, when nobody listens', async () => {
    fake = await FakeSmsServer.start();
    const url = fake.url;
    await fake.close();
    fake = null;
    const status = await http(url, { attempts: 2 }).send(otp);
    expect(status).toMatchObject({ status: 'failed', attempts: 2 });
  });

  it('lets a test read the code a citizen would get', async () => {
    fake = await FakeSmsServer.start({ answer: (n) => (n % 2 === 1 ? 503 : 200) });
    const gw = http(fake.url);
    const delivered = fake.waitFor((r) => r.body.to === '+84912345678');
    await gw.send(otp);
    expect((await delivered).body.text).toMatch(/\b(\d{6})\b/);
  });
});

describe('the log gateway', () => {
  it('writes each message to the log and keeps it for /dev/sms, newest first', async () => {
    const lines: string[] = [];
    const gw = new LogGateway({ log: (e) => lines.push(e.sms.text), showSecrets: true, clock: () => 1 });
    await gw.send(otp);
    await gw.send({ to: '+84987654321', text: 'Nhắc lịch: 09:15 ngày mai.', kind: 'reminder' });
    expect(lines[0]).toContain('482913');
    expect(gw.messages().map((m) => m.to)).toEqual(['+84987654321', '+84912345678']);
  });

  it('never carries a one-time code into the log or the page when secrets are not shown (production)', async () => {
    const lines: string[] = [];
    const gw = new LogGateway({ log: (e, m) => lines.push(`${m} ${JSON.stringify(e)}`), showSecrets: false });
    await gw.send(otp);
    expect(lines.join('\n')).not.toContain('482913');
    expect(gw.messages()[0]!.text).toContain('••••••');
  });

  it('keeps only the last messages', async () => {
    const gw = new LogGateway({ log: () => undefined, showSecrets: true, keep: 2 });
    for (const to of ['+841', '+842', '+843']) await gw.send({ to, text: 'x', kind: 'notice' });
    expect(gw.messages().map((m) => m.to)).toEqual(['+843', '+842']);
  });
});
