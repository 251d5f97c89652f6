// The proxy's own answers: plain text that names the rule and reason (never a stack trace), with the
// status the contract gives each failure, written straight to the client socket.
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { ERROR_CATALOG, type ErrorCode } from '../../app/errors.js';

export const PROXY_AUTHENTICATE = ['Bearer realm="SAP Connectivity"', 'Basic realm="SAP Connectivity"'];

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'EMU_ERR_PROXY_BAD_REQUEST',
  403: 'EMU_ERR_PROXY_DENIED',
  405: 'EMU_ERR_PROXY_METHOD',
  407: 'EMU_ERR_PROXY_AUTH',
  408: 'EMU_ERR_REQUEST_TIMEOUT',
  431: 'EMU_ERR_PROXY_HEADERS_TOO_LARGE',
  502: 'EMU_ERR_PROXY_BACKEND',
  503: 'EMU_ERR_PROXY_LOCATION',
  504: 'EMU_ERR_PROXY_TIMEOUT',
  505: 'EMU_ERR_PROXY_BAD_REQUEST',
};

export function replyText(status: number, reason: string): { body: string; code: ErrorCode } {
  const code = CODE_BY_STATUS[status] ?? 'EMU_ERR_INTERNAL';
  return { body: `${reason}\n${code}: ${ERROR_CATALOG[code].hint}\n`, code };
}

/**
 * A complete error response. `close` ends the connection after it (a request whose body was not read,
 * or a message that cannot be framed); otherwise the connection stays usable. The answer to a HEAD
 * request has no body (RFC 9110 §9.3.2): the client would read it as the next response. Returns the
 * headers sent.
 */
export function writeError(
  socket: Socket,
  status: number,
  reason: string,
  close: boolean,
  extra: string[] = [],
  head = false,
): string[] {
  const { body, code } = replyText(status, reason);
  const headers = [
    'Content-Type',
    'text/plain; charset=utf-8',
    'Content-Length',
    String(Buffer.byteLength(body)),
    'X-Btp-Emulator-Error',
    code,
  ];
  if (status === 407) for (const value of PROXY_AUTHENTICATE) headers.push('Proxy-Authenticate', value);
  headers.push(...extra);
  if (close) headers.push('Connection', 'close');
  if (!socket.writable) {
    socket.destroy();
    return headers;
  }
  let text = `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\n`;
  for (let i = 0; i < headers.length; i += 2) text += `${headers[i]!}: ${headers[i + 1]!}\r\n`;
  text += head ? '\r\n' : `\r\n${body}`;
  if (close) socket.end(text);
  else socket.write(text);
  return headers;
}
