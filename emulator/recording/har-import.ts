// HAR files from other tools (browser developer tools, Playwright's recordHar): checked entry by entry,
// redacted like our own recordings, and reduced to what replay can use. What cannot be replayed is
// skipped with a reason instead of failing the whole import.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { HarEntry } from './har.js';
import { Redactor } from './redact.js';

const nameValue = z.object({ name: z.string(), value: z.string() });
const entrySchema = z.looseObject({
  startedDateTime: z.string().default(''),
  time: z.number().default(0),
  request: z.looseObject({
    method: z.string().min(1),
    url: z.string().min(1),
    httpVersion: z.string().default('HTTP/1.1'),
    headers: z.array(nameValue).default([]),
    queryString: z.array(nameValue).default([]),
    cookies: z
      .array(nameValue.partial({ value: true }).transform((c) => ({ name: c.name, value: c.value ?? '' })))
      .default([]),
    headersSize: z.number().default(-1),
    bodySize: z.number().default(-1),
    postData: z.looseObject({ mimeType: z.string().default(''), text: z.string().optional() }).optional(),
  }),
  response: z.looseObject({
    status: z.number().int(),
    statusText: z.string().default(''),
    httpVersion: z.string().default('HTTP/1.1'),
    headers: z.array(nameValue).default([]),
    cookies: z
      .array(nameValue.partial({ value: true }).transform((c) => ({ name: c.name, value: c.value ?? '' })))
      .default([]),
    content: z.looseObject({
      size: z.number().default(0),
      mimeType: z.string().default(''),
      text: z.string().optional(),
      encoding: z.string().optional(),
      _file: z.string().optional(),
    }),
    redirectURL: z.string().default(''),
    headersSize: z.number().default(-1),
    bodySize: z.number().default(-1),
  }),
  timings: z.looseObject({}).default({}),
});

export interface ImportResult {
  creator: string;
  entries: HarEntry[];
  skipped: { index: number; url: string; reason: string }[];
}

/** Why an entry is no data to replay, or undefined when it is. */
function skipReason(entry: z.output<typeof entrySchema>): string | undefined {
  const { response } = entry;
  if (response.status === 0) return 'the request never got an answer (status 0)';
  if (response.content._file !== undefined)
    return 'the body is stored outside the HAR (_file): record with content embedded';
  const challenge = response.headers.some((h) => h.name.toLowerCase() === 'www-authenticate');
  if (response.status === 401 && challenge)
    return 'an authentication challenge (the retry with credentials is kept)';
  if (response.content.encoding !== undefined && response.content.encoding !== 'base64')
    return `unknown content encoding ${response.content.encoding}`;
  return undefined;
}

export async function importHar(file: string, redactor = new Redactor()): Promise<ImportResult> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file} is not a HAR file: ${(error as Error).message}`, { cause: error });
  }
  return importHarDocument(raw, file, redactor);
}

/** The same for an already parsed HAR (an upload); `source` names it in errors. */
export function importHarDocument(raw: unknown, source: string, redactor = new Redactor()): ImportResult {
  const log = z
    .object({
      log: z.object({ creator: z.object({ name: z.string() }).optional(), entries: z.array(z.unknown()) }),
    })
    .safeParse(raw);
  if (!log.success) throw new Error(`${source} is not a HAR file: it has no log.entries array`);
  const result: ImportResult = { creator: log.data.log.creator?.name ?? 'unknown', entries: [], skipped: [] };
  log.data.log.entries.forEach((candidate, index) => {
    const parsed = entrySchema.safeParse(candidate);
    const url = (candidate as { request?: { url?: string } } | null)?.request?.url ?? '?';
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      result.skipped.push({
        index,
        url,
        reason: `malformed entry: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
      });
      return;
    }
    const reason = skipReason(parsed.data);
    if (reason) result.skipped.push({ index, url, reason });
    else result.entries.push(redactor.entry({ ...(parsed.data as unknown as HarEntry), cache: {} }));
  });
  return result;
}
