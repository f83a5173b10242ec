import type { DevicePresence } from '@luot/protocol';
import type { DeviceConfig } from '../config.js';

/**
 * Which configured devices are connected, by device id (a screen may hold several sockets, and
 * reconnects open a new one before the old one is gone): online while it has at least one socket.
 * `since` is the hub's clock at the last change, or at the hub's start for a device not seen since.
 */
export class Presence {
  private readonly sockets = new Map<string, number>();
  private readonly since = new Map<string, number>();

  constructor(
    private readonly devices: readonly DeviceConfig[],
    private readonly clock: () => number,
  ) {
    const now = clock();
    for (const d of devices) this.since.set(d.id, now);
  }

  /** A socket of `device` connected; true when the device came online with it. */
  connected(device: string): boolean {
    const n = (this.sockets.get(device) ?? 0) + 1;
    this.sockets.set(device, n);
    if (n === 1) this.since.set(device, this.clock());
    return n === 1;
  }

  /** A socket of `device` went away; true when it was the device's last one. */
  disconnected(device: string): boolean {
    const n = (this.sockets.get(device) ?? 1) - 1;
    if (n > 0) {
      this.sockets.set(device, n);
      return false;
    }
    this.sockets.delete(device);
    this.since.set(device, this.clock());
    return true;
  }

  list(): DevicePresence[] {
    return this.devices.map((d) => ({
      id: d.id,
      role: d.role,
      name: d.name ?? d.id,
      counter: d.counter ?? null,
      online: this.sockets.has(d.id),
      since: this.since.get(d.id) ?? 0,
    }));
  }
}
