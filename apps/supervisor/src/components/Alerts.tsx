import { formatTime } from '@luot/ui';
import type { Text } from '@luot/core';
import { FAULT_MESSAGES, type PrinterFault } from '@luot/printer/faults';
import type { Alert } from '../alerts.js';
import { useSay, type Say } from '../text.js';

/** One sentence per alert, from its figures. */
export function describeAlert(a: Alert, say: Say, serviceName: (prefix: string) => string): string {
  const d = a.detail;
  switch (a.kind) {
    case 'wait':
      return say(
        {
          vi: 'Số {number} ({service}) đã chờ {minutes} phút, quá thời gian mục tiêu; {over} người chờ quá hạn.',
          en: 'Ticket {number} ({service}) has waited {minutes} min, over the target; {over} over target.',
        },
        { ...d, service: serviceName(a.subject) },
      );
    case 'idle':
      return say(
        {
          vi: 'Quầy {counter} không gọi số đã {minutes} phút trong khi {waiting} người đang chờ.',
          en: 'Counter {counter} has called nobody for {minutes} min while {waiting} wait.',
        },
        d,
      );
    case 'noCounter':
      return say(
        d.neverOpened
          ? {
              vi: 'Lĩnh vực {service}: {waiting} người đang chờ nhưng chưa có quầy nào mở.',
              en: '{service}: {waiting} waiting and no counter has opened for it.',
            }
          : {
              vi: 'Lĩnh vực {service}: {waiting} người đang chờ nhưng không còn quầy nào gọi.',
              en: '{service}: {waiting} waiting and no counter calling.',
            },
        { ...d, service: serviceName(a.subject) },
      );
    case 'printer': {
      const fault = (FAULT_MESSAGES as Record<string, Text>)[d.fault as PrinterFault];
      return say(
        { vi: 'Ki-ốt {device}: {fault}.', en: 'Kiosk {device}: {fault}.' },
        {
          device: d.device!,
          fault: fault ? say(fault) : String(d.fault),
        },
      );
    }
    case 'offline':
      return say({ vi: 'Thiết bị {name} mất kết nối.', en: 'Device {name} is offline.' }, d);
    case 'hallFull':
      return say(
        {
          vi: 'Sảnh chờ đã đầy: {inside}/{capacity} người theo cấp độ hiện tại.',
          en: 'The hall is full: {inside}/{capacity} at the current level.',
        },
        d,
      );
    case 'dissatisfied':
      return say(
        {
          vi: 'Quầy {counter}: {count} lượt “Không hài lòng” liên tiếp.',
          en: 'Counter {counter}: {count} “Dissatisfied” in a row.',
        },
        d,
      );
  }
}

/** The alerts, newest causes last within each kind; each can be acknowledged once. */
export function AlertsPanel({
  alerts,
  timeZone,
  officerName,
  serviceName,
  onAck,
  busyKey,
}: {
  alerts: Alert[];
  timeZone: string;
  officerName: (id: string) => string;
  serviceName: (prefix: string) => string;
  onAck: (key: string) => void;
  busyKey: string | null;
}) {
  const { say } = useSay();
  return (
    <section className="card alerts" aria-labelledby="alerts-h">
      <h2 id="alerts-h">
        {say({ vi: 'Cảnh báo', en: 'Alerts' })} <span className="count">({alerts.length})</span>
      </h2>
      {alerts.length === 0 ? (
        <p className="muted">{say({ vi: 'Không có cảnh báo.', en: 'No alerts.' })}</p>
      ) : (
        <ul className="alert-list">
          {alerts.map((a) => (
            <li
              key={a.key}
              className={`alert-item${a.ack ? ' acked' : ''}`}
              data-testid="alert"
              data-key={a.key}
              data-kind={a.kind}
            >
              <span className="alert-since">
                {say({ vi: 'từ {time}', en: 'since {time}' }, { time: formatTime(a.since, timeZone) })}
              </span>
              <span className="alert-text">{describeAlert(a, say, serviceName)}</span>
              {a.ack ? (
                <span className="alert-ack">
                  {say(
                    { vi: 'Đã xác nhận: {who}, {time}', en: 'Acknowledged: {who}, {time}' },
                    { who: officerName(a.ack.officerId), time: formatTime(a.ack.at, timeZone) },
                  )}
                </span>
              ) : (
                <button type="button" onClick={() => onAck(a.key)} disabled={busyKey === a.key}>
                  {say({ vi: 'Xác nhận', en: 'Acknowledge' })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
