import { randomBytes } from 'node:crypto';
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
import { hashPin, verifyPin } from '../auth.js';
import type { DeviceConfig, HubConfig } from '../config.js';
import type { Store } from '../storage/store.js';
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

/** Wrong PINs an officer code may take within the window before sign-in is refused. */
export const PIN_LOCKOUT = { max: 5, windowMs: 5 * 60_000 } as const;

/**
 * Officers' PINs, checked before a command joins a batch (scrypt is slow and asynchronous, the
 * batch is not).
 *
 * The lock-out is per officer code across every device, and kept in the database (`pin_failures`,
 * through storage/): sixteen counters do not give sixteen times the guesses, and a restart of the
 * hub does not clear the count. An attempt is counted before its PIN is checked, so a burst of
 * guesses sent at once is limited too; a right PIN clears the count. An unknown code is answered
 * exactly as a wrong PIN (WRONG_PIN, the same details) and locked out the same way, so a guesser
 * cannot learn which codes exist. Time is the hub's clock (`now`), so tests can move it.
 */
export class OfficerCheck {
  /**
   * Checked in place of a PIN hash when the officer code is unknown, so that an unknown code costs
   * the same scrypt work as a known one and cannot be told apart by how long its answer took. Made
   * at start (not on the first probe, which would then be the slow one) from a random secret that
   * no 4–8 digit PIN matches.
   */
  private readonly unknownOfficerHash = hashPin(randomBytes(16).toString('base64'));

  constructor(
    private readonly hub: HubConfig,
    private readonly office: OfficeConfig,
    private readonly store: Store,
    private readonly logger: Logger,
  ) {}

  /** The officer a command's PIN proves, or the refusal; null when the command carries no PIN. */
  async verify(device: DeviceConfig, command: Command, now: number): Promise<Officer | CommandFail | null> {
    if (officerCheckOf(command.type) !== 'pin' || !('pin' in command)) return null;
    const { officerId, pin } = command;
    const entry = this.hub.officers.find((o) => o.id === officerId);
    if (this.store.pinFailuresSince(officerId, now - PIN_LOCKOUT.windowMs) >= PIN_LOCKOUT.max) {
      return fail('TOO_MANY_ATTEMPTS', { officerId });
    }
    this.store.addPinFailure(officerId, now);
    const right = await verifyPin(pin, entry?.pinHash ?? this.unknownOfficerHash);
    if (!entry || !right) {
      this.logger.warn({ device: device.id, officerId, knownOfficer: Boolean(entry) }, 'wrong PIN');
      return fail('WRONG_PIN', { officerId });
    }
    this.store.clearPinFailures(officerId);
    const agency = entry.agency ??
      this.office.counters.find((c) => c.number === device.counter)?.agency ?? { vi: '', en: '' };
    return { id: entry.id, name: entry.name, agency };
  }
}
