// One request to one OData service, after the system's authentication, sap-client and CSRF checks;
// also what a $batch part becomes, so batch parts run through exactly the same handlers.
export interface ODataRequest {
  /** After X-HTTP-Method tunnelling. */
  method: string;
  /** Resource path after the service root, still percent-encoded, no leading `/`. */
  path: string;
  query: URLSearchParams;
  /** Lower-case header names. */
  headers: Record<string, string | undefined>;
  body: Buffer;
  /** Absolute service root ending with `/`, as the client addressed it. */
  root: string;
  client: string;
  user: string;
  /** Inside a changeset: Content-ID → resource path of what that request created. */
  contentIds?: Map<string, string>;
}

export interface ODataResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): ODataResponse => ({
  status,
  headers: { 'content-type': 'application/json;charset=utf-8', ...headers },
  body: JSON.stringify(body),
});

export const empty = (status: number, headers: Record<string, string> = {}): ODataResponse => ({
  status,
  headers,
  body: '',
});

export const text = (
  status: number,
  body: string,
  contentType = 'text/plain;charset=utf-8',
): ODataResponse => ({
  status,
  headers: { 'content-type': contentType },
  body,
});
