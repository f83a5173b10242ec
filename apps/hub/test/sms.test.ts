import { afterEach, describe, expect, it } from 'vitest';
import { FakeSmsServer } from '@luot/sms/testing';
import { startTestHub, testConfig, type TestHub } from '@luot/hub/testing';

let t: TestHub | null = null;
let fake: FakeSmsServer | null = null;
afterEach(async () => {
  await t?.close();
  await fake?.close();
  t = null;
  fake = null;
});

const otp = {
  to: '+84912345678',
  text: 'Mã xác nhận đặt lịch của Quý vị là 482913 <b>',
  kind: 'otp' as const,
  secret: '482913',
};

describe('the hub’s SMS gateway', () => {
  it('is the log by default: /dev/sms lists what was sent, newest first, escaped', async () => {
    t = await startTestHub();
    expect(t.hub.sms.name).toBe('log');
    expect(await t.hub.sms.send(otp)).toMatchObject({ status: 'sent' });
    const json = (await (await fetch(`${t.hub.url}/dev/sms.json`)).json()) as {
      messages: Array<{ to: string; text: string }>;
    };
    expect(json.messages[0]).toMatchObject({ to: '+84912345678', text: otp.text });
    const page = await fetch(`${t.hub.url}/dev/sms`);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('Tin nhắn SMS (thử nghiệm)');
    expect(html).toContain('482913 &lt;b&gt;');
    expect(html).not.toContain('482913 <b>');
  });

  it('masks one-time codes when told to (production), on the page and in the log', async () => {
    const lines: string[] = [];
    const logger = (await import('pino')).default(
      { level: 'info' },
      { write: (s: string) => void lines.push(s) },
    );
    t = await startTestHub({ config: testConfig({ sms: { kind: 'log', showSecrets: false } }), logger });
    await t.hub.sms.send(otp);
    const html = await (await fetch(`${t.hub.url}/dev/sms`)).text();
    expect(html).not.toContain('482913');
    expect(html).toContain('••••••');
    expect(lines.join('\n')).not.toContain('482913');
  });

  it('sends through a provider when configured, and then has no /dev/sms page', async () => {
    fake = await FakeSmsServer.start({ answer: (n) => (n === 1 ? 503 : 200) });
    t = await startTestHub({
      config: testConfig({ sms: { kind: 'http', url: `${fake.url}/send`, backoffMs: 1 } }),
    });
    expect(await t.hub.sms.send(otp)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(fake.delivered[0]!.body.text).toBe(otp.text);
    expect((await fetch(`${t.hub.url}/dev/sms`)).status).toBe(404);
  });
});
