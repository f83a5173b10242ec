import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { LuotClient, type ConnectionStatus } from '@luot/client';
import type { Snapshot } from '@luot/protocol';

export interface HubView {
  client: LuotClient;
  snapshot: Snapshot | null;
  /** Increases on every change: the mirror is updated in place, so React compares this. */
  version: number;
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
    let version = 0;
    let view: { version: number; status: ConnectionStatus } = { version, status: client.status };
    const bump = () => {
      version += 1;
      view = { version, status: client.status };
    };
    return {
      subscribe(fn: () => void) {
        const offs = [
          client.on('change', () => {
            bump();
            fn();
          }),
          client.on('status', () => {
            bump();
            fn();
          }),
        ];
        return () => offs.forEach((off) => off());
      },
      get: () => view,
    };
  }, [client]);
  const view = useSyncExternalStore(store.subscribe, store.get);
  return { client, snapshot: client.snapshot, version: view.version, status: view.status };
}
