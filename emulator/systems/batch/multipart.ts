// multipart/mixed $batch bodies: parts (possibly nested changesets) holding HTTP request messages, and
// the matching response format. Hand-written: the generic multipart libraries parse form-data, not
// embedded HTTP messages. Both CRLF and bare LF line endings are accepted, as clients differ.
import { STATUS_CODES } from 'node:http';
import { badRequest } from '../odata/errors.js';

export interface BatchRequestPart {
  kind: 'request';
  contentId?: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: Buffer;
}

export interface ChangesetPart {
  kind: 'changeset';
  boundary: string;
  requests: BatchRequestPart[];
}

export type BatchPart = BatchRequestPart | ChangesetPart;

export function boundaryOf(contentType: string | undefined): string {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
  const boundary = match?.[1] ?? match?.[2];
  if (!contentType?.toLowerCase().startsWith('multipart/mixed') || !boundary) {
    throw badRequest('Malformed $batch: Content-Type must be multipart/mixed with a boundary');
  }
  return boundary;
}

/** The parts between `--boundary` lines, without the closing `--boundary--`. */
function splitParts(body: string, boundary: string): string[] {
  const delimiter = `--${boundary}`;
  const lines = body.split(/\r?\n/);
  const parts: string[] = [];
  let current: string[] | undefined;
  let closed = false;
  for (const line of lines) {
    if (line.trimEnd() === `${delimiter}--`) {
      if (current) parts.push(current.join('\r\n'));
      closed = true;
      break;
    }
    if (line.trimEnd() === delimiter) {
      if (current) parts.push(current.join('\r\n'));
      current = [];
      continue;
    }
    current?.push(line);
  }
  if (!closed) throw badRequest(`Malformed $batch: the closing delimiter --${boundary}-- is missing`);
  return parts;
}

function splitHead(text: string): { headers: Record<string, string>; rest: string } {
  const normalized = text.replace(/^(\r\n)+/, '');
  const end = normalized.indexOf('\r\n\r\n');
  const head = end < 0 ? normalized : normalized.slice(0, end);
  const rest = end < 0 ? '' : normalized.slice(end + 4);
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, rest };
}

export function parseBatch(body: Buffer, contentType: string | undefined): BatchPart[] {
  const boundary = boundaryOf(contentType);
  return splitParts(body.toString('utf8'), boundary).map((part) => {
    const { headers, rest } = splitHead(part);
    const type = headers['content-type'] ?? '';
    if (type.toLowerCase().startsWith('multipart/mixed')) {
      const inner = boundaryOf(type);
      const requests = splitParts(rest, inner).map((p) => {
        const split = splitHead(p);
        return httpRequest(split.rest, split.headers['content-id']);
      });
      return { kind: 'changeset', boundary: inner, requests };
    }
    if (!type.toLowerCase().startsWith('application/http')) {
      throw badRequest(
        `Malformed $batch: a part has Content-Type '${type || '(none)'}', expected application/http or multipart/mixed`,
      );
    }
    return httpRequest(rest, headers['content-id']);
  });
}

function httpRequest(text: string, contentId: string | undefined): BatchRequestPart {
  const afterLine = text.replace(/^(\r\n)+/, '');
  const lineEnd = afterLine.indexOf('\r\n');
  const requestLine = lineEnd < 0 ? afterLine : afterLine.slice(0, lineEnd);
  const match = /^([A-Z]+) (\S+)(?: HTTP\/1\.[01])?$/.exec(requestLine.trim());
  if (!match) throw badRequest(`Malformed $batch: invalid request line '${requestLine.trim().slice(0, 80)}'`);
  const { headers, rest } = splitHead(lineEnd < 0 ? '' : afterLine.slice(lineEnd + 2));
  const body = rest.replace(/\r\n$/, '');
  return {
    kind: 'request',
    contentId: contentId ?? headers['content-id'],
    method: match[1]!,
    url: match[2]!,
    headers,
    body: Buffer.from(body, 'utf8'),
  };
}

export interface PartResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  contentId?: string;
}

export function httpResponseText(response: PartResponse): string {
  const lines = [`HTTP/1.1 ${response.status} ${STATUS_CODES[response.status] ?? 'Status'}`];
  for (const [name, value] of Object.entries(response.headers)) lines.push(`${name}: ${value}`);
  if (response.body !== '') lines.push(`content-length: ${Buffer.byteLength(response.body)}`);
  return `${lines.join('\r\n')}\r\n\r\n${response.body}`;
}

export function partText(response: PartResponse): string {
  const id = response.contentId ? `content-id: ${response.contentId}\r\n` : '';
  return `content-type: application/http\r\ncontent-transfer-encoding: binary\r\n${id}\r\n${httpResponseText(response)}\r\n`;
}

export function multipartText(boundary: string, parts: string[]): string {
  return `${parts.map((p) => `--${boundary}\r\n${p}`).join('')}--${boundary}--\r\n`;
}
