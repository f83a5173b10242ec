import type { DayState, OfficeConfig, Officer } from '@luot/core';
import {
  COMMANDS,
  type Command,
  type CommandFail,
  type CommandSpec,
  type CommandType,
  type OfficerCheck as OfficerCheckKind,
} from '@luot/protocol';
import type { Logger } from 'pino';
import { AttemptLimiter, verifyPin } from '../auth.js';
import type { DeviceConfig, HubConfig } from '../config.js';
import { fail, Refusal } from './refusal.js';

/**
 * The checks every command passes before its handler runs, applied by the engine in one place from
 * what the protocol declares for the command (`COMMANDS[type]`): who may send it and which officer
 * check it needs. Handlers never repeat them.
 */

/** The officer check the protocol declares for a command, if any. */
export function officerCheckOf(type: CommandType): OfficerCheckKind | undefined {
  return (COMMANDS[type] as CommandSpec).officer;
}

/** The device's role may send this command. */
export function authorise(device: DeviceConfig, command: Command): CommandFail | null {
  const roles: readonly string[] = COMMANDS[command.type].roles;
  return roles.includes(device.role) ? null : fail('FORBIDDEN', { role: device.role, command: command.type });
}

/** Checked inside the batch, against the day as it is when the command runs. */
export function checkSignedIn(command: Command, state: DayState, counter: number | null): void {
  if (officerCheckOf(command.type) !== 'signed-in') return;
  if (counter === null || !state.counters[counter]?.officer) throw new Refusal('NOT_SIGNED_IN', { counter });
}

/**
 * Officers' PINs, checked before a command joins a batch (scrypt is slow and asynchronous, the
 * batch is not). Wrong PINs are counted per device and officer, before checking, so a burst of
 * guesses sent at once is limited too.
 */
export class OfficerCheck {
  private readonly limiter = new AttemptLimiter();

  constructor(
    private readonly hub: HubConfig,
    private readonly office: OfficeConfig,
    private readonly logger: Logger,
  ) {}

  /** The officer a command's PIN proves, or the refusal; null when the command carries no PIN. */
  async verify(device: DeviceConfig, command: Command, now: number): Promise<Officer | CommandFail | null> {
    if (officerCheckOf(command.type) !== 'pin' || !('pin' in command)) return null;
    const { officerId, pin } = command;
    const entry = this.hub.officers.find((o) => o.id === officerId);
    if (!entry) return fail('UNKNOWN_OFFICER', { officerId });
    const key = `${device.id}\u0000${officerId}`;
    if (this.limiter.blocked(key, now)) return fail('TOO_MANY_ATTEMPTS', { officerId });
    this.limiter.fail(key, now);
    if (!(await verifyPin(pin, entry.pinHash))) {
      this.logger.warn({ device: device.id, officerId }, 'wrong PIN');
      return fail('WRONG_PIN', { officerId });
    }
    this.limiter.reset(key);
    const agency = entry.agency ??
      this.office.counters.find((c) => c.number === device.counter)?.agency ?? { vi: '', en: '' };
    return { id: entry.id, name: entry.name, agency };
  }
}
