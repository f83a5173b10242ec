import { masked, type SmsGateway, type SmsMessage, type SmsStatus } from './gateway.js';

/** A message as the log gateway kept it, for the `/dev/sms` page. */
export interface LoggedSms {
  id: number;
  at: number;
  to: string;
  kind: SmsMessage['kind'];
  /** The text as sent, or masked when secrets are not shown. */
  text: string;
}

export interface LogGatewayOptions {
  /** Where each message is written (the hub's logger). */
  log: (entry: { sms: Omit<LoggedSms, 'id'> }, message: string) => void;
  /** Show one-time codes (development). */
  showSecrets: boolean;
  /** Messages kept for the `/dev/sms` page [200]. */
  keep?: number;
  clock?: () => number;
}

/**
 * The default gateway of `npm start` and the demo: nothing leaves the machine. Each message is
 * written to the hub's log and kept (the last 200) for the `/dev/sms` page, so a developer books
 * with no phone. With `showSecrets` off a one-time code is masked in both.
 */
export class LogGateway implements SmsGateway {
  readonly name = 'log';
  private readonly kept: LoggedSms[] = [];
  private next = 1;

  constructor(private readonly options: LogGatewayOptions) {}

  send(message: SmsMessage): Promise<SmsStatus> {
    const sms = {
      at: (this.options.clock ?? Date.now)(),
      to: message.to,
      kind: message.kind,
      text: this.options.showSecrets ? message.text : masked(message),
    };
    this.options.log({ sms }, 'sms (log gateway)');
    this.kept.push({ id: this.next++, ...sms });
    if (this.kept.length > (this.options.keep ?? 200)) this.kept.shift();
    return Promise.resolve({ status: 'sent', attempts: 1, providerId: null });
  }

  /** The kept messages, newest first. */
  messages(): LoggedSms[] {
    return [...this.kept].reverse();
  }
}
