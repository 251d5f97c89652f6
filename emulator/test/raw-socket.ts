// Raw client sockets for listener edge cases: exact bytes on the wire (plain TCP or TLS), everything the
// server sends until it closes, and a slow client that trickles a head one byte at a time.
import net from 'node:net';
import tls from 'node:tls';

export interface RawTarget {
  port: number;
  /** CA to trust: the connection is TLS to `localhost` (the emulator's leaf names it). */
  ca?: string;
}

export interface RawResult {
  /** Everything received, as latin1. */
  received: string;
  /** The server reset the connection instead of closing it. */
  reset: boolean;
}

function connect(target: RawTarget): net.Socket {
  return target.ca === undefined
    ? net.connect(target.port, '127.0.0.1')
    : tls.connect({ port: target.port, host: '127.0.0.1', servername: 'localhost', ca: target.ca });
}

/**
 * Writes `bytes`, then (with `trickle`) one more of its characters (as a latin1 byte) every 50 ms, as a slowloris client does,
 * and resolves once the server has closed the connection.
 */
export function talk(target: RawTarget, bytes: string | Buffer, trickle?: string): Promise<RawResult> {
  return new Promise((resolve) => {
    const socket = connect(target);
    const chunks: Buffer[] = [];
    let reset = false;
    let dripper: NodeJS.Timeout | undefined;
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => (reset = true));
    socket.on('close', () => {
      clearInterval(dripper);
      resolve({ received: Buffer.concat(chunks).toString('latin1'), reset });
    });
    socket.once(target.ca === undefined ? 'connect' : 'secureConnect', () => {
      if (bytes.length > 0) socket.write(bytes);
      if (trickle === undefined) return;
      let i = 0;
      dripper = setInterval(() => {
        if (socket.writable) socket.write(trickle[i++ % trickle.length]!, 'latin1');
      }, 50);
    });
  });
}

/** Sends one request on a kept-alive connection, reads its answer (by Content-Length), then runs `next`. */
export function afterOneAnswer(
  target: RawTarget,
  request: string,
  next: (socket: net.Socket) => void,
): Promise<RawResult & { first: string }> {
  return new Promise((resolve) => {
    const socket = connect(target);
    let buffered = Buffer.alloc(0);
    let first: string | undefined;
    let reset = false;
    socket.on('error', () => (reset = true));
    socket.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      if (first !== undefined) return;
      const text = buffered.toString('latin1');
      const end = text.indexOf('\r\n\r\n');
      const length = /\r\ncontent-length: *(\d+)/i.exec(text.slice(0, end))?.[1];
      if (end < 0 || length === undefined || text.length < end + 4 + Number(length)) return;
      first = text.slice(0, end + 4 + Number(length));
      buffered = buffered.subarray(Buffer.byteLength(first, 'latin1'));
      next(socket);
    });
    socket.on('close', () => resolve({ first: first ?? '', received: buffered.toString('latin1'), reset }));
    socket.once(target.ca === undefined ? 'connect' : 'secureConnect', () => socket.write(request));
  });
}

/** Writes `text` one byte every 50 ms until the socket closes. */
export function trickleInto(socket: net.Socket, text: string): void {
  let i = 0;
  const dripper = setInterval(() => {
    if (socket.writable) socket.write(text[i++ % text.length]!, 'latin1');
  }, 50);
  socket.once('close', () => clearInterval(dripper));
}

/** The status code of the first response in `received`, or 0. */
export const statusOf = (received: string): number =>
  Number(/^HTTP\/1\.[01] (\d{3}) /.exec(received)?.[1] ?? 0);
