// HAR 1.2 types (http://www.softwareishard.com/blog/har-12-spec/) with the emulator's own fields,
// which the spec allows when prefixed with `_`.

export interface HarNameValue {
  name: string;
  value: string;
}

export interface HarRequest {
  method: string;
  url: string;
  httpVersion: string;
  headers: HarNameValue[];
  queryString: HarNameValue[];
  cookies: HarNameValue[];
  headersSize: number;
  bodySize: number;
  postData?: { mimeType: string; text?: string; params?: HarNameValue[] };
}

export interface HarResponse {
  status: number;
  statusText: string;
  httpVersion: string;
  headers: HarNameValue[];
  cookies: HarNameValue[];
  content: { size: number; mimeType: string; text?: string; encoding?: 'base64'; compression?: number };
  redirectURL: string;
  headersSize: number;
  bodySize: number;
}

/** What the emulator knows about an OData exchange. */
export interface ODataInfo {
  service: string | null;
  entitySet: string | null;
  /** read, query, count, create, update, delete, function, batch, metadata, csrf-fetch */
  operation: string;
}

export interface HarEntry {
  startedDateTime: string;
  time: number;
  request: HarRequest;
  response: HarResponse;
  cache: Record<string, never>;
  timings: { send: number; wait: number; receive: number; blocked?: number; dns?: number; connect?: number };
  serverIPAddress?: string;
  _system?: string;
  _location?: string | null;
  _destination?: string | null;
  _odata?: ODataInfo;
  _replayKey?: string;
}

export interface HarLog {
  version: string;
  creator: { name: string; version: string };
  pages?: unknown[];
  entries: HarEntry[];
  _session?: Record<string, unknown>;
}
