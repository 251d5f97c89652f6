// Test helpers for session files: HAR entries as the recorder writes them, sessions written with the
// real HarSessionWriter into a data folder's recordings/.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { HarEntry, HarNameValue } from './har.js';
import { HarSessionWriter } from './har-writer.js';

export interface EntryOptions {
  method?: string;
  status?: number;
  requestHeaders?: HarNameValue[];
  responseHeaders?: HarNameValue[];
  body?: { mimeType: string; text: string };
  mimeType?: string;
  system?: string;
  at?: string;
  extra?: Partial<HarEntry>;
}

export function harEntry(url: string, responseText = '{"d":{}}', options: EntryOptions = {}): HarEntry {
  const query = new URL(url, 'http://x').searchParams;
  return {
    startedDateTime: options.at ?? '2026-01-02T03:04:05.000Z',
    time: 12.5,
    request: {
      method: options.method ?? 'GET',
      url,
      httpVersion: 'HTTP/1.1',
      headers: options.requestHeaders ?? [],
      queryString: [...query].map(([name, value]) => ({ name, value })),
      cookies: [],
      headersSize: -1,
      bodySize: options.body?.text.length ?? 0,
      ...(options.body ? { postData: options.body } : {}),
    },
    response: {
      status: options.status ?? 200,
      statusText: 'OK',
      httpVersion: 'HTTP/1.1',
      headers: options.responseHeaders ?? [],
      cookies: [],
      content: {
        size: responseText.length,
        mimeType: options.mimeType ?? 'application/json',
        text: responseText,
      },
      redirectURL: '',
      headersSize: -1,
      bodySize: responseText.length,
    },
    cache: {},
    timings: { send: 0, wait: 12, receive: 0.5 },
    ...(options.system ? { _system: options.system } : {}),
    ...options.extra,
  };
}

/** Writes `<dataDir>/recordings/<name>.har` entry by entry, as a recording system does. */
export async function writeSession(
  dataDir: string,
  name: string,
  entries: readonly HarEntry[],
  session: Record<string, unknown> = {},
): Promise<string> {
  const dir = path.join(dataDir, 'recordings');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${name}.har`);
  const writer = await HarSessionWriter.create(file, { creatorVersion: 'test', session });
  for (const entry of entries) await writer.append(entry);
  await writer.close();
  return file;
}
