// Which parts of a request are secret: one set of rules for everything that shows or keeps a request
// (recorded sessions, the proxy's traffic view and audit log, engine events, log lines). Each surface
// only chooses the mark it writes in a secret's place; recording/redact.ts adds whole HAR entries.
// Defaults cover credentials in headers, query strings, form bodies and JSON bodies; the workspace's
// recording.redact lists add names. CSRF *protocol* values (Fetch, Required) are kept: replay needs them.

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
    'x-api-key',
    'apikey',
  ],
  headerPrefixes: ['sap-connectivity-'],
  /** Query parameters and form fields (and, except `code`, JSON properties). */
  fields: [
    'access_token',
    'id_token',
    'refresh_token',
    'token',
    'assertion',
    'client_assertion',
    'password',
    'passwd',
    'sap-password',
    'client_secret',
    'code',
    'code_verifier',
    'apikey',
    'api_key',
    'sig',
    'signature',
  ],
  /**
   * Query parameter and form field names that look secret wherever the word appears (`new_password`,
   * `x_token`, `app_secret`), for the surfaces that only show requests (RedactionMarks.byName). Never
   * OData's own options (`$skiptoken`, SAP's `!deltatoken`: paging state), nor JSON properties (entity
   * data such as `TokenCount` or `PasswordChangeRequired`).
   */
  fieldPattern: /passw|secret|token|api[-_]?key/i,
} as const;

export interface RedactionRules {
  readonly headers: readonly string[];
  readonly queryParams: readonly string[];
  readonly formFields: readonly string[];
}

export const NO_EXTRA_RULES: RedactionRules = { headers: [], queryParams: [], formFields: [] };

export interface RedactionMarks {
  /** Written in place of a secret header, form or JSON value. */
  mark: string;
  /** Written in place of a secret query or form value; defaults to the mark, percent-encoded. */
  urlMark?: string;
  /**
   * Also hide query and form values by the look of their names (DEFAULT_REDACTION.fieldPattern).
   * For what is only shown (events, traffic, logs); session files keep to the listed names, because a
   * recorded value that was redacted can no longer be matched on replay.
   */
  byName?: boolean;
}

const CSRF_PROTOCOL_VALUES = new Set(['fetch', 'required']);
/**
 * Default field names that are data in JSON bodies: an OAuth `code` travels in query strings and form
 * bodies, while `code` in JSON is an OData error code or an entity's Code property, which replay needs.
 */
const JSON_DATA_FIELDS = new Set(['code']);
const LOCATION_HEADERS = new Set(['location', 'content-location']);
/** A JSON member in text that may be cut anywhere (a preview): `"name" : value`. */
const JSON_MEMBER = /"((?:[^"\\]|\\.)*)"(\s*:\s*)("(?:[^"\\]|\\.)*"?|[^\s,}\]"]+)/g;

/** DEFAULT_REDACTION.fieldPattern, except for OData's `$` options and SAP's `!` ones. */
const secretByName = (name: string): boolean =>
  !name.startsWith('$') && !name.startsWith('!') && DEFAULT_REDACTION.fieldPattern.test(name);

/** A name as sent; malformed percent-encoding is compared as written rather than thrown on. */
function decodeName(text: string): string {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '));
  } catch {
    return text;
  }
}

export class Redaction {
  private readonly headers: Set<string>;
  private readonly query: Set<string>;
  private readonly form: Set<string>;
  private readonly jsonFields: Set<string>;
  readonly mark: string;
  private readonly urlMark: string;
  private readonly byName: boolean;

  constructor(extra: RedactionRules = NO_EXTRA_RULES, marks: RedactionMarks = { mark: '[redacted]' }) {
    const lower = (list: readonly string[]): string[] => list.map((n) => n.toLowerCase());
    this.headers = new Set([...DEFAULT_REDACTION.headers, ...lower(extra.headers)]);
    this.query = new Set([...DEFAULT_REDACTION.fields, ...lower(extra.queryParams)]);
    this.form = new Set([...DEFAULT_REDACTION.fields, ...lower(extra.formFields)]);
    const asked = new Set(lower(extra.formFields));
    this.jsonFields = new Set([...this.form].filter((n) => !JSON_DATA_FIELDS.has(n) || asked.has(n)));
    this.mark = marks.mark;
    this.urlMark = marks.urlMark ?? encodeURIComponent(marks.mark);
    this.byName = marks.byName === true;
  }

  isSecretHeader(name: string): boolean {
    const n = name.toLowerCase();
    return this.headers.has(n) || DEFAULT_REDACTION.headerPrefixes.some((p) => n.startsWith(p));
  }

  /** The value to show for a header: the mark for a secret, redirect targets with their query redacted. */
  header(name: string, value: string): string {
    const n = name.toLowerCase();
    // A redirect can carry a token or an OAuth code in its query.
    if (LOCATION_HEADERS.has(n)) return this.url(value);
    if (!this.isSecretHeader(n)) return value;
    const keep = n === 'x-csrf-token' && CSRF_PROTOCOL_VALUES.has(value.toLowerCase());
    return keep ? value : this.mark;
  }

  isSecretQueryParam(name: string): boolean {
    const n = name.toLowerCase();
    return this.query.has(n) || (this.byName && secretByName(n));
  }

  isSecretFormField(name: string): boolean {
    const n = name.toLowerCase();
    return this.form.has(n) || (this.byName && secretByName(n));
  }

  /** A URL or `path?query` with the values of secret query parameters replaced; the rest as written. */
  url(raw: string): string {
    const q = raw.indexOf('?');
    if (q < 0) return raw;
    return `${raw.slice(0, q + 1)}${this.pairs(raw.slice(q + 1), (n) => this.isSecretQueryParam(n))}`;
  }

  /** `a=1&b=2` with the values of secret names replaced, everything else byte for byte as written. */
  private pairs(text: string, secret: (name: string) => boolean): string {
    return text
      .split('&')
      .map((pair) => {
        const eq = pair.indexOf('=');
        return eq >= 0 && secret(decodeName(pair.slice(0, eq)))
          ? `${pair.slice(0, eq)}=${this.urlMark}`
          : pair;
      })
      .join('&');
  }

  /** Form and JSON bodies lose the values of secret fields; other bodies are kept as they are. */
  body(mimeType: string, text: string): string {
    const type = mimeType.toLowerCase();
    if (type.startsWith('application/x-www-form-urlencoded'))
      return this.pairs(text, (n) => this.isSecretFormField(n));
    if (!type.includes('json')) return text;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Cut short (a preview) or not JSON after all: redact the members that can still be read.
      return this.jsonText(text);
    }
    const redacted = this.json(parsed);
    // Nothing secret: the text as sent (its layout and number spellings), not a re-serialisation.
    return redacted === parsed ? text : JSON.stringify(redacted);
  }

  /** A parsed JSON value with secret members replaced: a copy, or the value itself when nothing is secret. */
  json(value: unknown): unknown {
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) {
      const items = value.map((v) => this.json(v));
      return items.some((v, i) => v !== value[i]) ? items : value;
    }
    let changed = false;
    const members = Object.entries(value).map(([k, v]): [string, unknown] => {
      const next = this.jsonFields.has(k.toLowerCase()) && typeof v !== 'object' ? this.mark : this.json(v);
      if (next !== v) changed = true;
      return [k, next];
    });
    return changed ? Object.fromEntries(members) : value;
  }

  private jsonText(text: string): string {
    return text.replace(JSON_MEMBER, (member, key: string, colon: string, value: string) =>
      this.jsonFields.has(key.toLowerCase()) && !value.startsWith('{') && !value.startsWith('[')
        ? `"${key}"${colon}${JSON.stringify(this.mark)}`
        : member,
    );
  }
}

const EVENT_MARKS: RedactionMarks = { mark: '[redacted]', byName: true };
const shown = new Map<string, WeakMap<RedactionRules, Redaction>>();

/**
 * The redaction for what is shown (engine events, log lines; the traffic view passes its own marks):
 * one per rules object and marks, so a caller may ask per request (the workspace, and with it its rules
 * object, is replaced on every change).
 */
export function redactionFor(rules: RedactionRules, marks: RedactionMarks = EVENT_MARKS): Redaction {
  const key = `${marks.mark}\n${marks.urlMark ?? ''}\n${marks.byName === true}`;
  let byRules = shown.get(key);
  if (!byRules) shown.set(key, (byRules = new WeakMap()));
  let redaction = byRules.get(rules);
  if (!redaction) {
    redaction = new Redaction(rules, marks);
    byRules.set(rules, redaction);
  }
  return redaction;
}
