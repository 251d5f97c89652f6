// SOCKS5 as SAP's proxy speaks it, as bytes: the greeting, the 0x80 authentication message (JWT and
// base64 location id) and the CONNECT request, valid to start with, then mutated field by field and byte
// by byte, and written in one to three pieces. Plus the check of what the listener sent back.
import net from 'node:net';
import type { FuzzCase } from './harness.js';
import { mutateBytes, mutateString } from './mutate.js';
import type { Rng } from './rng.js';
import { HANG_MS } from './wire.js';
import { readConnect, readGreeting, readSapAuth } from '../connectivity/socks5-protocol.js';

export interface SocksContext {
  port: number;
  jwt: string;
}

interface Message {
  greeting: Buffer;
  auth: Buffer;
  connect: Buffer;
  payload: Buffer;
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
}

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(n & 0xffff);
  return b;
}

function greeting(rng: Rng): Buffer {
  const methods = rng.weighted([
    [6, [0x00, 0x80]],
    [2, [0x80]],
    [1, [0x00]],
    [1, Array.from({ length: rng.range(0, 255) }, () => rng.int(256))],
  ]);
  const count = rng.chance(0.9) ? methods.length : rng.int(256);
  return Buffer.from([rng.chance(0.95) ? 0x05 : rng.pick([0x04, 0x00, 0xff]), count, ...methods]);
}

function auth(rng: Rng, jwt: string): Buffer {
  let token = Buffer.from(rng.chance(0.8) ? jwt : mutateString(rng, jwt));
  if (rng.chance(0.03)) token = Buffer.alloc(rng.pick([16 * 1024, 16 * 1024 + 1, 70_000]), 'a');
  const declared = rng.weighted([
    [16, token.length],
    [1, rng.pick([0, 1, token.length - 1, token.length + 1, 0xffffffff, 16 * 1024 + 1])],
  ]);
  const location = rng.weighted([
    [14, Buffer.alloc(0)],
    [1, Buffer.from(Buffer.from(rng.pick(['nowhere', 'loc1', 'Ā', '\0'])).toString('base64'))],
    [1, Buffer.from(rng.pick(['!!!', '====', 'a', 'YQ', 'YQ===', '\u0100']))],
    [1, Buffer.alloc(255, 'A')],
  ]);
  const locationLength = rng.chance(0.9) ? location.length : rng.int(256);
  return Buffer.concat([
    Buffer.from([rng.chance(0.95) ? 0x01 : rng.int(256)]),
    u32(declared),
    token,
    Buffer.from([locationLength & 0xff]),
    location,
  ]);
}

function connect(rng: Rng): Buffer {
  const command = rng.chance(0.85) ? 0x01 : rng.int(256);
  const kind = rng.weighted([
    [6, 'domain'],
    [1, 'ipv4'],
    [1, 'ipv6'],
    [1, 'other'],
  ] as const);
  const port = u16(rng.chance(0.8) ? 3300 : rng.pick([0, 1, 44300, 65535, rng.int(65536)]));
  const head = [0x05, command, rng.chance(0.95) ? 0x00 : 0xff];
  if (kind === 'ipv4') return Buffer.concat([Buffer.from([...head, 0x01, 127, 0, 0, 1]), port]);
  if (kind === 'ipv6') return Buffer.concat([Buffer.from([...head, 0x04]), Buffer.alloc(16), port]);
  if (kind === 'other')
    return Buffer.concat([Buffer.from([...head, rng.int(256)]), rng.bytes(rng.range(0, 20)), port]);
  const host = Buffer.from(
    rng.chance(0.7)
      ? 'tcp.virtual'
      : mutateString(rng, rng.pick(['tcp.virtual', 'erp.virtual', 's4.virtual'])),
  );
  const declared = rng.chance(0.9) ? host.length : rng.int(256);
  return Buffer.concat([Buffer.from([...head, 0x03, declared & 0xff]), host.subarray(0, 255), port]);
}

/** One SOCKS5 dialogue as the pieces to write. */
export function socksMessage(rng: Rng, ctx: SocksContext): Buffer[] {
  const m: Message = {
    greeting: greeting(rng),
    auth: auth(rng, ctx.jwt),
    connect: connect(rng),
    payload: rng.chance(0.5) ? Buffer.from('ping') : rng.bytes(rng.range(0, 64)),
  };
  let bytes: Buffer = Buffer.concat([m.greeting, m.auth, m.connect, m.payload]);
  for (
    let n = rng.weighted([
      [9, 0],
      [3, 1],
      [1, 3],
    ]);
    n > 0;
    n--
  )
    bytes = mutateBytes(rng, bytes);
  if (rng.chance(0.05)) bytes = bytes.subarray(0, rng.int(bytes.length + 1));
  const cuts = [...new Set(Array.from({ length: rng.int(3) }, () => rng.int(bytes.length + 1)))].sort(
    (a, b) => a - b,
  );
  return [0, ...cuts].map((from, i, all) => bytes.subarray(from, all[i + 1] ?? bytes.length));
}

/**
 * What may come back: `05 80` or `05 ff`; then `01 00` or `01 05`; then `05 REP 00 01 0.0.0.0:0` with
 * REP 00, 02, 03, 07 or 08; after 00 the relayed bytes. REP 01 (general failure) and 04 (unreachable,
 * while every backend is up) are failures of the engine; anything else is not SOCKS5.
 */
export function socksReplyProblems(reply: Buffer): string[] {
  const hex = reply.toString('hex');
  const greeting = hex.slice(0, 4);
  if (!'0580'.startsWith(greeting) && !'05ff'.startsWith(greeting))
    return [`greeting answered with ${greeting}`];
  if (greeting === '05ff')
    return hex.length > 4 ? [`bytes after refusing the methods: ${hex.slice(4, 40)}`] : [];
  const auth = hex.slice(4, 8);
  if (!'0100'.startsWith(auth) && !'0105'.startsWith(auth)) return [`authentication answered with ${auth}`];
  if (auth === '0105')
    return hex.length > 8 ? [`bytes after a refused authentication: ${hex.slice(8, 40)}`] : [];
  const connect = hex.slice(8, 28);
  if (connect.length < 4) return '05'.startsWith(connect) ? [] : [`CONNECT answered with ${connect}`];
  const code = connect.slice(2, 4);
  if (!`05${code}0001000000000000`.startsWith(connect)) return [`CONNECT answered with ${connect}`];
  if (code === '01' || code === '04')
    return [`SOCKS5 reply ${code} (${code === '01' ? 'general failure' : 'host unreachable'})`];
  if (!['00', '02', '03', '07', '08'].includes(code)) return [`unknown SOCKS5 reply code ${code}`];
  return code !== '00' && hex.length > 28 ? [`bytes after a refused CONNECT: ${hex.slice(28, 60)}`] : [];
}

/** How many reply bytes a whole dialogue gets before the relay (0: the dialogue is cut or refused early). */
function replyLength(bytes: Buffer): number {
  const greeting = readGreeting(bytes);
  if (!greeting || 'error' in greeting || !greeting.value.methods.includes(0x80)) return 0;
  const auth = readSapAuth(greeting.rest);
  if (!auth || 'error' in auth) return 0;
  const connect = readConnect(auth.rest);
  return !connect || 'error' in connect ? 0 : 14;
}

export function socksCase(pieces: Buffer[], port: number): FuzzCase {
  let outcome = '?';
  return {
    input: `socks5 hex ${pieces.map((p) => p.toString('hex')).join(' | ')}`,
    outcome: () => outcome,
    run(signal) {
      return new Promise((resolve) => {
        const socket = net.connect(port, '127.0.0.1');
        const chunks: Buffer[] = [];
        const done = (extra: string[]): void => {
          clearTimeout(hang);
          signal.removeEventListener('abort', abort);
          socket.destroy();
          const reply = Buffer.concat(chunks);
          outcome = reply.subarray(0, 14).toString('hex') || 'closed';
          resolve([...socksReplyProblems(reply), ...extra]);
        };
        const hang = setTimeout(
          () => done(['no close within the hang bound after the client finished']),
          HANG_MS,
        );
        const abort = (): void => done([]);
        signal.addEventListener('abort', abort);
        // A whole dialogue waits for the CONNECT reply before the client finishes, so the relay is reached;
        // a cut one finishes at once (the listener would otherwise wait for the rest).
        const awaited = replyLength(Buffer.concat(pieces));
        let ended = false;
        const end = (): void => {
          if (!ended && !socket.destroyed) socket.end();
          ended = true;
        };
        socket.on('data', (c: Buffer) => {
          chunks.push(c);
          if (Buffer.concat(chunks).length >= awaited) end();
        });
        socket.on('close', () => done([]));
        socket.on('error', () => undefined);
        void (async () => {
          for (const piece of pieces) {
            if (socket.destroyed) return;
            await new Promise<void>((resolve) => socket.write(piece, () => resolve()));
          }
          if (awaited === 0) end();
        })();
      });
    },
  };
}
