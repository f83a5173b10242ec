import { randomBytes } from 'node:crypto';
import type { DayState, OfficeConfig, Officer } from '@luot/core';
import {
  COMMANDS,
  type Command,
  type CommandFail,
  type CommandSpec,
  type CommandType,
  type OfficerCheck as OfficerCheckKind,
  type Role,
} from '@luot/protocol';
import type { Logger } from 'pino';
import { hashPin, sha256, verifyPin } from '../auth.js';
import type { DeviceConfig, HubConfig } from '../config.js';
import type { Store } from '../storage/store.js';
import { fail, Refusal } from './refusal.js';

/**
 * The checks every command passes before its handler runs, applied by the engine in one place from
 * what the protocol declares for the command (`COMMANDS[type]`): who may send it and which officer
 * check it needs. Handlers never repeat them.
 */

/** The officer check the protocol declares for a command sent by a device of this role, if any. */
export function officerCheckOf(type: CommandType, role: Role): OfficerCheckKind | undefined {
  const check = (COMMANDS[type] as CommandSpec).officer;
  return typeof check === 'object' ? check[role] : check;
}

/** The device's role may send this command. */
export function authorise(device: DeviceConfig, command: Command): CommandFail | null {
  const roles: readonly string[] = COMMANDS[command.type].roles;
  return roles.includes(device.role) ? null : fail('FORBIDDEN', { role: device.role, command: command.type });
}

/** Checked inside the batch, against the day as it is when the command runs. */
export function checkSignedIn(command: Command, role: Role, state: DayState, counter: number | null): void {
  if (officerCheckOf(command.type, role) !== 'signed-in') return;
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
    if (officerCheckOf(command.type, device.role) !== 'pin' || !('pin' in command)) return null;
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
    // The console is for the office's heads only; the PIN was right, so say plainly what is wrong.
    if (device.role === 'supervisor' && entry.role !== 'supervisor')
      return fail('NOT_SUPERVISOR', { officerId });
    const agency = entry.agency ??
      this.office.counters.find((c) => c.number === device.counter)?.agency ?? { vi: '', en: '' };
    return { id: entry.id, name: entry.name, agency };
  }

  /**
   * The supervisor signed in on this device (with this session token, for HTTP requests), or
   * SUPERVISOR_SIGNED_OUT. Each command or request that passes
   * counts as activity; a session idle longer than `supervisorIdleMinutes` is ended here, when it
   * is next used (nothing needs to run on a timer: an idle session can do nothing until then).
   */
  supervisor(device: DeviceConfig, now: number, sessionToken?: string): Officer | CommandFail {
    const session = this.store.supervisors.session(device.id);
    if (!session) return fail('SUPERVISOR_SIGNED_OUT', { expired: false });
    // HTTP requests carry the session's token too: the device's token alone is not the person.
    if (sessionToken !== undefined && sha256(sessionToken) !== session.tokenSha256) {
      return fail('SUPERVISOR_SIGNED_OUT', { expired: false });
    }
    if (now - session.lastActiveAt > this.hub.supervisorIdleMinutes * 60_000) {
      this.store.supervisors.endSession(device.id);
      this.store.supervisors.audit({
        at: now,
        device: device.id,
        officerId: session.officerId,
        action: 'supervisor.idleSignOut',
        reason: null,
        details: { lastActiveAt: session.lastActiveAt },
      });
      return fail('SUPERVISOR_SIGNED_OUT', { expired: true });
    }
    this.store.supervisors.touch(device.id, now);
    const entry = this.hub.officers.find((o) => o.id === session.officerId);
    // An officer removed from the configuration since they signed in holds no session any more.
    if (!entry || entry.role !== 'supervisor') {
      this.store.supervisors.endSession(device.id);
      return fail('SUPERVISOR_SIGNED_OUT', { expired: false });
    }
    return { id: entry.id, name: entry.name, agency: entry.agency ?? { vi: '', en: '' } };
  }
}
