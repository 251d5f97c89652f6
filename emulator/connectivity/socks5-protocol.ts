// SOCKS5 as SAP's connectivity proxy speaks it (sap-contract §5): the greeting must offer method 0x80
// (chosen even when 0x00 is offered too), then `01 | u32 len | JWT | u8 len | base64(location id)`,
// then an RFC 1928 CONNECT. Pure byte parsing: each reader returns undefined until enough bytes arrived.

export const VERSION = 0x05;
export const SAP_METHOD = 0x80;
export const NO_ACCEPTABLE_METHOD = 0xff;
export const MAX_JWT_BYTES = 16 * 1024;

export const REPLY = {
  succeeded: 0x00,
  generalFailure: 0x01,
  forbidden: 0x02,
  networkUnreachable: 0x03,
  hostUnreachable: 0x04,
  authenticationFailed: 0x05,
  commandNotSupported: 0x07,
  addressTypeNotSupported: 0x08,
} as const;

export type Parsed<T> = { value: T; rest: Buffer } | { error: string } | undefined;

export function readGreeting(buf: Buffer): Parsed<{ methods: number[] }> {
  if (buf.length < 2) return undefined;
  if (buf[0] !== VERSION) return { error: `not SOCKS5 (version byte ${buf[0]})` };
  const n = buf[1]!;
  if (buf.length < 2 + n) return undefined;
  return { value: { methods: [...buf.subarray(2, 2 + n)] }, rest: buf.subarray(2 + n) };
}

export function readSapAuth(buf: Buffer): Parsed<{ token: string; locationId: string | null }> {
  if (buf.length < 5) return undefined;
  if (buf[0] !== 0x01) return { error: `unknown authentication version ${buf[0]}` };
  const tokenLength = buf.readUInt32BE(1);
  if (tokenLength === 0 || tokenLength > MAX_JWT_BYTES)
    return { error: `JWT length ${tokenLength} out of range` };
  if (buf.length < 5 + tokenLength + 1) return undefined;
  const token = buf.toString('utf8', 5, 5 + tokenLength);
  const locationLength = buf[5 + tokenLength]!;
  const end = 6 + tokenLength + locationLength;
  if (buf.length < end) return undefined;
  const encoded = buf.toString('latin1', 6 + tokenLength, end);
  if (encoded !== '' && !/^[A-Za-z0-9+/]+={0,2}$/.test(encoded))
    return { error: 'the location id is not base64' };
  const locationId = encoded === '' ? null : Buffer.from(encoded, 'base64').toString('utf8');
  return { value: { token, locationId: locationId === '' ? null : locationId }, rest: buf.subarray(end) };
}

export type ConnectRequest =
  { ok: true; host: string; port: number } | { ok: false; reply: number; reason: string };

export function readConnect(buf: Buffer): Parsed<ConnectRequest> {
  if (buf.length < 5) return undefined;
  if (buf[0] !== VERSION) return { error: `not SOCKS5 (version byte ${buf[0]})` };
  const command = buf[1]!;
  const type = buf[3]!;
  const addressLength = type === 0x01 ? 4 : type === 0x03 ? 1 + buf[4]! : type === 0x04 ? 16 : -1;
  if (addressLength < 0) {
    return {
      value: {
        ok: false,
        reply: REPLY.addressTypeNotSupported,
        reason: `address type ${type} is not supported`,
      },
      rest: Buffer.alloc(0),
    };
  }
  const end = 4 + addressLength + 2;
  if (buf.length < end) return undefined;
  const rest = buf.subarray(end);
  if (command !== 0x01)
    return {
      value: {
        ok: false,
        reply: REPLY.commandNotSupported,
        reason: `command ${command} is not supported: only CONNECT (1)`,
      },
      rest,
    };
  if (type === 0x04)
    return {
      value: {
        ok: false,
        reply: REPLY.addressTypeNotSupported,
        reason: 'IPv6 addresses are not supported: use the virtual host name',
      },
      rest,
    };
  const host = type === 0x01 ? [...buf.subarray(4, 8)].join('.') : buf.toString('latin1', 5, 5 + buf[4]!);
  return { value: { ok: true, host, port: buf.readUInt16BE(end - 2) }, rest };
}

/** `05 REP 00 01 0.0.0.0:0`: the bound address is not meaningful through the Cloud Connector. */
export function reply(code: number): Buffer {
  return Buffer.from([VERSION, code, 0x00, 0x01, 0, 0, 0, 0, 0, 0]);
}
