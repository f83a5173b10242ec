import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { LuotClient, type ConnectionStatus } from '@luot/client';
import type { DeviceInfo, Snapshot } from '@luot/protocol';

export interface HubView {
  client: LuotClient;
  /** The mirrored day: a new object after every change, so it can be a dependency as it is. */
  snapshot: Snapshot | null;
  status: ConnectionStatus;
}

/**
 * Connect to the hub with a device token and re-render on every change. One client per screen;
 * it reconnects and resyncs by itself.
 */
export function useHub(hubUrl: string, token: string): HubView {
  const client = useMemo(
    () => new LuotClient({ url: hubUrl || globalThis.location.origin, token }),
    [hubUrl, token],
  );
  useEffect(() => {
    client.connect();
    return () => client.close();
  }, [client]);

  const store = useMemo(() => {
    // A new object only when the day or the connection changed: React re-renders on that alone.
    let view = { snapshot: client.snapshot, status: client.status };
    const update = () => {
      if (view.snapshot !== client.snapshot || view.status !== client.status) {
        view = { snapshot: client.snapshot, status: client.status };
      }
    };
    return {
      subscribe(fn: () => void) {
        const offs = [client.on('change', fn), client.on('status', fn)];
        return () => offs.forEach((off) => off());
      },
      get: () => {
        update();
        return view;
      },
    };
  }, [client]);
  const view = useSyncExternalStore(store.subscribe, store.get);
  return { client, ...view };
}

/**
 * Who this device is for the hub (role, counter number): the client asks on every (re)connect;
 * null until the first answer.
 */
export function useDevice(client: LuotClient): DeviceInfo | null {
  const subscribe = useCallback((fn: () => void) => client.on('device', fn), [client]);
  return useSyncExternalStore(subscribe, () => client.device);
}

/** Anything that tells the hub's time: a LuotClient (`client.now()`). */
export interface HubTime {
  now(): number;
}

/**
 * The hub's time (epoch ms) for a screen that shows or follows the time of day, re-rendering every
 * `everyMs`. Sessions, "time since called" and the wall clock go by the hub's clock, never by a
 * device's own, which may be minutes off.
 */
export function useHubNow(clock: HubTime, everyMs = 1000): number {
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  // Read at every render, not kept in state: a snapshot that corrects the clock shows at once.
  return clock.now();
}
