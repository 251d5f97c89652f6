// Reads a stored HAR entry (recorded here or imported from another tool) for display: lenient about
// what other tools leave out, strict about types, and with bodies prepared as readable text.
import { z } from 'zod';

/** What the engine writes in place of a secret (emulator/recording/redact.ts), also percent-encoded in URLs. */
export { REDACTED } from '../../../app/recording/api.js';
const REDACTED_PATTERN = /(\[redacted\]|%5Bredacted%5D)/i;

/** Larger bodies are cut for display; the export has them whole. */
export const BODY_DISPLAY_LIMIT = 200_000;

const nameValue = z.object({ name: z.string(), value: z.string() });

const harEntryViewSchema = z.object({
  startedDateTime: z.string().optional(),
  time: z.number().optional(),
  request: z.object({
    method: z.string(),
    url: z.string(),
    httpVersion: z.string().optional(),
    headers: z.array(nameValue).default([]),
    postData: z
      .object({
        mimeType: z.string().default(''),
        text: z.string().optional(),
        params: z.array(nameValue).optional(),
      })
      .optional(),
  }),
  response: z.object({
    status: z.number(),
    statusText: z.string().default(''),
    httpVersion: z.string().optional(),
    headers: z.array(nameValue).default([]),
    content: z
      .object({
        size: z.number().optional(),
        mimeType: z.string().default(''),
        text: z.string().optional(),
        encoding: z.string().optional(),
      })
      .prefault({}),
  }),
  _system: z.string().nullable().optional(),
  _location: z.string().nullable().optional(),
  _destination: z.string().nullable().optional(),
  _odata: z
    .object({ service: z.string().nullable(), entitySet: z.string().nullable(), operation: z.string() })
    .nullable()
    .optional(),
  _replayKey: z.string().nullable().optional(),
});

export type HarEntryView = z.output<typeof harEntryViewSchema>;
export type NameValue = z.output<typeof nameValue>;

export function parseHarEntry(
  entry: Record<string, unknown>,
): { ok: true; entry: HarEntryView } | { ok: false; problem: string } {
  const parsed = harEntryViewSchema.safeParse(entry);
  if (parsed.success) return { ok: true, entry: parsed.data };
  const issue = parsed.error.issues[0];
  return {
    ok: false,
    problem: issue ? `${issue.path.join('.') || 'entry'}: ${issue.message}` : 'not a HAR entry',
  };
}

export interface BodyView {
  /** What to show; empty when there is no body. */
  text: string;
  /** Pretty-printed from JSON. */
  json: boolean;
  /** Binary content that is not shown. */
  binaryBytes: number | null;
  /** Characters cut off for display. */
  truncated: number;
}

const TEXTUAL = /json|xml|text|javascript|html|multipart\/mixed|x-www-form-urlencoded|http/i;

export function requestBody(entry: HarEntryView): BodyView {
  const post = entry.request.postData;
  if (!post) return emptyBody();
  if (post.text !== undefined) return bodyView(post.text, post.mimeType);
  const params = post.params?.map((p) => `${p.name}=${p.value}`).join('\n') ?? '';
  return bodyView(params, 'text/plain');
}

export function responseBody(entry: HarEntryView): BodyView {
  const { text, encoding, mimeType, size } = entry.response.content;
  if (text === undefined) return emptyBody();
  if (encoding === 'base64') {
    const bytes = decodeBase64(text);
    if (!bytes) return { ...emptyBody(), binaryBytes: size ?? 0 };
    if (!TEXTUAL.test(mimeType)) return { ...emptyBody(), binaryBytes: bytes.length };
    return bodyView(new TextDecoder().decode(bytes), mimeType);
  }
  return bodyView(text, mimeType);
}

function emptyBody(): BodyView {
  return { text: '', json: false, binaryBytes: null, truncated: 0 };
}

function bodyView(raw: string, mimeType: string): BodyView {
  let text = raw;
  let json = false;
  if (/json/i.test(mimeType) || /^\s*[[{]/.test(raw)) {
    try {
      text = JSON.stringify(JSON.parse(raw), null, 2);
      json = true;
    } catch {
      // Not JSON after all (or cut short): shown as it is.
    }
  }
  const truncated = Math.max(0, text.length - BODY_DISPLAY_LIMIT);
  return {
    text: truncated > 0 ? text.slice(0, BODY_DISPLAY_LIMIT) : text,
    json,
    binaryBytes: null,
    truncated,
  };
}

function decodeBase64(text: string): Uint8Array | null {
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** Text split around redaction markers, so they can be shown as what they are. */
export function splitRedacted(text: string): { text: string; redacted: boolean }[] {
  return text
    .split(REDACTED_PATTERN)
    .filter((part) => part !== '')
    .map((part) => ({ text: part, redacted: REDACTED_PATTERN.test(part) }));
}

export const isRedacted = (value: string): boolean => REDACTED_PATTERN.test(value);
