import type { FastifyInstance } from 'fastify';
import type { LogGateway } from '@luot/sms';
import { doc } from './openapi.js';

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const KIND: Record<string, string> = { otp: 'Mã xác nhận', reminder: 'Nhắc lịch', notice: 'Thông báo' };

/**
 * `/dev/sms`: the messages the log gateway "sent" (the default of `npm start`), newest first, so a
 * developer books a number with no phone and no SMS provider. Only there with the log gateway; a
 * hub with a real provider has no such page. One-time codes show unless the gateway masks them
 * (production). A plain page from the hub (it refreshes itself every 5 s): nothing to build.
 */
export function registerDevSms(
  app: FastifyInstance,
  sms: LogGateway,
  office: { name: string; timeZone: string },
): void {
  const officeName = office.name;
  app.get(
    '/dev/sms.json',
    { schema: doc({ summary: 'Messages of the log SMS gateway (development)', tags: ['development'] }) },
    () => ({ messages: sms.messages() }),
  );
  app.get('/dev/sms', { schema: { hide: true } }, (_req, reply) => {
    // The office's clock, as everyone there reads it: 09:15:02 08/12/2026.
    const time = new Intl.DateTimeFormat('vi-VN', {
      timeZone: office.timeZone,
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hourCycle: 'h23',
    });
    const rows = sms
      .messages()
      .map(
        (m) =>
          `<tr><td>${escape(time.format(m.at))}</td><td>${escape(m.to)}</td><td>${escape(KIND[m.kind] ?? m.kind)}</td><td>${escape(m.text)}</td></tr>`,
      )
      .join('\n');
    const html = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="5"><title>Tin nhắn SMS (thử nghiệm) — ${escape(officeName)}</title>
<style>body{font-family:system-ui,sans-serif;margin:1rem;color:#0f1e3c}h1{font-size:1.3rem}
p{color:#4a5568}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem .6rem;border-bottom:1px solid #dde3ec;vertical-align:top}
th{font-size:.8rem;color:#4a5568}td:last-child{font-size:1.05rem}
@media (max-width:640px){thead{display:none}tr{display:block;border-bottom:1px solid #dde3ec;padding:.5rem 0}
td{display:inline;border:0;padding:0 .5rem 0 0;color:#4a5568;font-size:.85rem}td:last-child{display:block;color:#0f1e3c;margin-top:.3rem}}</style></head>
<body><h1>Tin nhắn SMS (thử nghiệm) <small lang="en">— SMS sent (development)</small></h1>
<p>Hub này chưa nối với nhà cung cấp SMS: tin nhắn được ghi ở đây thay vì gửi đi. Trang tự cập nhật mỗi 5 giây.<br>
<span lang="en">This hub has no SMS provider: messages are listed here instead of sent. The page refreshes every 5 s.</span></p>
<table><thead><tr><th>Thời gian</th><th>Số điện thoại</th><th>Loại</th><th>Nội dung</th></tr></thead>
<tbody>${rows || '<tr><td colspan="4">Chưa có tin nhắn nào. / No messages yet.</td></tr>'}</tbody></table></body></html>`;
    return reply.type('text/html; charset=utf-8').send(html);
  });
}
