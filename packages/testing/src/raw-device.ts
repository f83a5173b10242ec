import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

/** A small WebSocket text frame as a client must send it (masked; the mask may be zero). */
function clientFrame(text: string): Buffer {
  const payload = Buffer.from(text);
  if (payload.length > 125) throw new Error('this client only sends short frames');
  return Buffer.concat([Buffer.from([0x81, 0x80 | payload.length, 0, 0, 0, 0]), payload]);
}

/**
 * A device connection at its thinnest: TCP speaking just enough WebSocket and Engine.IO to join the
 * hub, then handing over the bytes as they arrive, with their arrival time. The server's frames are
 * not masked, so an event's text can be matched in the raw bytes. The benchmark runs a thousand of
 * these beside the hub on two cores (in an office every display is its own machine), so each costs
 * as little as it can; tests use it to be a display that stops reading (`socket.pause()`).
 *
 * `onData`'s chunk lives in a shared buffer: copy it to keep it.
 */
export function connectRawDevice(
  port: number,
  token: string,
  onData: (chunk: Buffer, at: number) => void,
): Promise<Socket> {
  return new Promise((resolve, reject) => {
    let phase: 'upgrade' | 'open' | 'connecting' | 'joined' = 'upgrade';
    let pending = Buffer.alloc(0);
    const socket = connect({
      port,
      host: '127.0.0.1',
      noDelay: true,
      // Reads land in one shared buffer: no allocation per frame (the data is only valid in the callback).
      onread: {
        buffer: READ_BUFFER,
        callback(n: number, buf: Uint8Array) {
          const at = performance.now();
          const chunk = Buffer.from(buf.buffer, buf.byteOffset, n);
          if (phase === 'joined') {
            if (chunk.includes(PING)) socket.write(PONG);
            onData(chunk, at);
            return true;
          }
          pending = Buffer.concat([pending, chunk]);
          if (phase === 'upgrade') {
            const end = pending.indexOf('\r\n\r\n');
            if (end < 0) return true;
            if (!pending.subarray(0, 12).toString().includes('101')) {
              fail(new Error('no upgrade'));
              return true;
            }
            pending = pending.subarray(end + 4);
            phase = 'open';
          }
          // Engine.IO's "open" comes first: answer with Socket.IO's connect, which carries the token;
          // Socket.IO's own connect packet ("40{"sid"…") means the hub let the display in.
          if (phase === 'open' && pending.includes('0{"sid"')) {
            phase = 'connecting';
            socket.write(clientFrame(`40${JSON.stringify({ token })}`));
          }
          const joined = pending.indexOf('40{"sid"');
          if (phase === 'connecting' && joined >= 2) {
            // A short frame: 2 header bytes, then the payload; whatever follows it is already traffic.
            const end = joined + (pending[joined - 1]! & 0x7f);
            if (pending.length < end) return true;
            phase = 'joined';
            resolve(socket);
            if (pending.length > end) onData(pending.subarray(end), at);
            pending = Buffer.alloc(0);
          } else if (pending.includes('44{')) fail(new Error(`the hub refused the device: ${pending}`));
          return true;
        },
      },
    });
    const fail = (e: Error) => {
      reject(e);
      socket.destroy();
    };
    socket.on('error', fail);
    socket.on('connect', () =>
      socket.write(
        'GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
          'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n' +
          `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\n\r\n`,
      ),
    );
  });
}
const READ_BUFFER = Buffer.alloc(64 * 1024);
// Engine.IO's ping, a server frame "2": 0x81 0x01 cannot occur inside JSON text.
const PING = Buffer.from([0x81, 0x01, 0x32]);
const PONG = clientFrame('3');
