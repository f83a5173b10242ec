import type { EncodedSnapshot, Snapshot } from '@luot/protocol';

/**
 * The Snapshot inside a `sync` answer (docs/protocol.md): gzip-compressed JSON, unpacked with the
 * platform's DecompressionStream, which browsers and Node both have, so the apps bundle no inflater.
 */
export async function decodeSnapshot(reply: EncodedSnapshot): Promise<Snapshot> {
  const bytes = reply.gzip instanceof ArrayBuffer ? new Uint8Array(reply.gzip) : reply.gzip;
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('gzip'));
  const day = JSON.parse(await new Response(stream).text()) as Omit<Snapshot, 'serverTime'>;
  return { ...day, serverTime: reply.serverTime };
}
