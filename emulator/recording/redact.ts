// Redaction at write time: nothing secret reaches a session file unless the user asks for it.
// Defaults cover credentials in headers, query strings, form bodies and JSON bodies; the workspace's
// recording.redact lists add names. CSRF *protocol* values (Fetch, Required) are kept: replay needs them.
import { REDACTED } from '../../app/recording/api.js';
import type { HarEntry, HarNameValue } from './har.js';

export { REDACTED };

export const DEFAULT_REDACTION = {
  headers: [
    'authorization',
    'proxy-authorization',
    'cookie',
    'set-cookie',
    'x-csrf-token',
    'ssl_client_cert',
    'x-user-token',
    'x-refresh-token',
    'x-client-cert',
  ],
  headerPrefixes: ['sap-connectivity-'],
  /** Query parameters and form fields. */
  fields: [
    'access_token',
    'id_token',
    'refresh_token',
    'token',
    'assertion',
    'password',
    'passwd',
    'client_secret',
    'code',
    'code_verifier',
    'apikey',
    'api_key',
    'sig',
    'signature',
  ],
} as const;

export interface RedactionRules {
  headers: readonly string[];
  queryParams: readonly string[];
  formFields: readonly string[];
}

const CSRF_PROTOCOL_VALUES = new Set(['fetch', 'required']);
/**
 * Default field names that are data in JSON bodies: an OAuth `code` travels in query strings and form
 * bodies, while `code` in JSON is an OData error code or an entity's Code property, which replay needs.
 */
const JSON_DATA_FIELDS = new Set(['code']);
const LOCATION_HEADERS = new Set(['location', 'content-location']);

/** A query parameter name; malformed percent-encoding is compared as written rather than thrown on. */
function decodeName(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export class Redactor {
  private readonly headers: Set<string>;
  private readonly query: Set<string>;
  private readonly form: Set<string>;
  private readonly jsonFields: Set<string>;

  constructor(extra: RedactionRules = { headers: [], queryParams: [], formFields: [] }) {
    const lower = (list: readonly string[]): string[] => list.map((n) => n.toLowerCase());
    this.headers = new Set([...DEFAULT_REDACTION.headers, ...lower(extra.headers)]);
    this.query = new Set([...DEFAULT_REDACTION.fields, ...lower(extra.queryParams)]);
    this.form = new Set([...DEFAULT_REDACTION.fields, ...lower(extra.formFields)]);
    const asked = new Set(lower(extra.formFields));
    this.jsonFields = new Set([...this.form].filter((n) => !JSON_DATA_FIELDS.has(n) || asked.has(n)));
  }

  isSecretHeader(name: string): boolean {
    const n = name.toLowerCase();
    return this.headers.has(n) || DEFAULT_REDACTION.headerPrefixes.some((p) => n.startsWith(p));
  }

  private header = (h: HarNameValue): HarNameValue => {
    // A redirect can carry a token or an OAuth code in its query.
    if (LOCATION_HEADERS.has(h.name.toLowerCase())) return { name: h.name, value: this.url(h.value) };
    if (!this.isSecretHeader(h.name)) return h;
    const keep = h.name.toLowerCase() === 'x-csrf-token' && CSRF_PROTOCOL_VALUES.has(h.value.toLowerCase());
    return keep ? h : { name: h.name, value: REDACTED };
  };

  private param =
    (set: Set<string>) =>
    (p: HarNameValue): HarNameValue =>
      set.has(p.name.toLowerCase()) ? { name: p.name, value: REDACTED } : p;

  /** Returns a redacted copy; the input is not changed. */
  entry(entry: HarEntry): HarEntry {
    const url = this.url(entry.request.url);
    const postData = entry.request.postData && {
      ...entry.request.postData,
      ...(entry.request.postData.text === undefined
        ? {}
        : { text: this.body(entry.request.postData.mimeType, entry.request.postData.text) }),
      ...(entry.request.postData.params
        ? { params: entry.request.postData.params.map(this.param(this.form)) }
        : {}),
    };
    const content = entry.response.content;
    return {
      ...entry,
      request: {
        ...entry.request,
        url,
        headers: entry.request.headers.map(this.header),
        queryString: entry.request.queryString.map(this.param(this.query)),
        cookies: entry.request.cookies.map((c) => ({ name: c.name, value: REDACTED })),
        ...(postData ? { postData } : {}),
      },
      response: {
        ...entry.response,
        // Other tools' HARs may leave it out, whatever the spec says.
        redirectURL:
          typeof entry.response.redirectURL === 'string'
            ? this.url(entry.response.redirectURL)
            : entry.response.redirectURL,
        headers: entry.response.headers.map(this.header),
        cookies: entry.response.cookies.map((c) => ({ name: c.name, value: REDACTED })),
        content:
          content.text === undefined || content.encoding === 'base64'
            ? content
            : { ...content, text: this.body(content.mimeType, content.text) },
      },
    };
  }

  url(raw: string): string {
    const q = raw.indexOf('?');
    if (q < 0) return raw;
    const params = raw
      .slice(q + 1)
      .split('&')
      .map((pair) => {
        const eq = pair.indexOf('=');
        const name = decodeName((eq < 0 ? pair : pair.slice(0, eq)).replaceAll('+', ' '));
        return eq >= 0 && this.query.has(name.toLowerCase())
          ? `${pair.slice(0, eq)}=${encodeURIComponent(REDACTED)}`
          : pair;
      });
    return `${raw.slice(0, q)}?${params.join('&')}`;
  }

  /** Form and JSON bodies lose the values of secret fields; other bodies are kept as they are. */
  body(mimeType: string, text: string): string {
    const type = mimeType.toLowerCase();
    if (type.startsWith('application/x-www-form-urlencoded')) {
      const params = new URLSearchParams(text);
      for (const name of [...params.keys()])
        if (this.form.has(name.toLowerCase())) params.set(name, REDACTED);
      return params.toString();
    }
    if (type.includes('json')) {
      try {
        return JSON.stringify(this.json(JSON.parse(text)));
      } catch {
        return text;
      }
    }
    return text;
  }

  private json(value: unknown): unknown {
    if (Array.isArray(value)) return value.map((v) => this.json(v));
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        this.jsonFields.has(k.toLowerCase()) && typeof v !== 'object' ? REDACTED : this.json(v),
      ]),
    );
  }
}
