// Redaction at write time: nothing secret reaches a session file unless the user asks for it.
// The rules are the engine's one set (core/redaction.ts, plus the workspace's recording.redact lists);
// this file applies them to whole HAR entries.
import { REDACTED } from '../../app/recording/api.js';
import { NO_EXTRA_RULES, Redaction, type RedactionRules } from '../core/redaction.js';
import type { HarEntry, HarNameValue } from './har.js';
import type { Difference } from './matcher.js';

export { REDACTED };
export { DEFAULT_REDACTION, type RedactionRules } from '../core/redaction.js';

export class Redactor extends Redaction {
  /** `shownOnly`: for events, logs and the miss list, which need not replay (RedactionMarks.byName). */
  constructor(extra: RedactionRules = NO_EXTRA_RULES, shownOnly = false) {
    super(extra, { mark: REDACTED, byName: shownOnly });
  }

  private headerPair = (h: HarNameValue): HarNameValue => {
    const value = this.header(h.name, h.value);
    return value === h.value ? h : { name: h.name, value };
  };

  private param =
    (secret: (name: string) => boolean) =>
    (p: HarNameValue): HarNameValue =>
      secret(p.name) ? { name: p.name, value: REDACTED } : p;

  /** Returns a redacted copy; the input is not changed. */
  entry(entry: HarEntry): HarEntry {
    const url = this.url(entry.request.url);
    const postData = entry.request.postData && {
      ...entry.request.postData,
      ...(entry.request.postData.text === undefined
        ? {}
        : { text: this.body(entry.request.postData.mimeType, entry.request.postData.text) }),
      ...(entry.request.postData.params
        ? { params: entry.request.postData.params.map(this.param((n) => this.isSecretFormField(n))) }
        : {}),
    };
    const content = entry.response.content;
    return {
      ...entry,
      request: {
        ...entry.request,
        url,
        headers: entry.request.headers.map(this.headerPair),
        queryString: entry.request.queryString.map(this.param((n) => this.isSecretQueryParam(n))),
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
        headers: entry.response.headers.map(this.headerPair),
        cookies: entry.response.cookies.map((c) => ({ name: c.name, value: REDACTED })),
        content:
          content.text === undefined || content.encoding === 'base64'
            ? content
            : { ...content, text: this.body(content.mimeType, content.text) },
      },
    };
  }

  /** A replay miss's query difference names both values (matcher.ts): for a secret, only that they differ. */
  difference(d: Difference): Difference {
    const name = d.what === 'query' ? /^query ([^ =]+)/.exec(d.detail)?.[1] : undefined;
    return name !== undefined && this.isSecretQueryParam(name)
      ? { what: d.what, detail: `query ${name} differs (values redacted)` }
      : d;
  }
}
