// The one error catalog. Every error the engine, CLI or admin API reports carries one of these codes.
// `app/errors.md` documents each code; a test keeps the two in step.

export const ERROR_CATALOG = {
  EMU_ERR_WORKSPACE_INVALID: {
    status: 400,
    summary: 'The workspace does not match the schema.',
    hint: 'Fix the fields listed (file, JSON path and reason for each) and load it again.',
  },
  EMU_ERR_WORKSPACE_PARSE: {
    status: 400,
    summary: 'The workspace file is not valid JSON or YAML.',
    hint: 'Fix the syntax at the line and column given.',
  },
  EMU_ERR_WORKSPACE_NOT_FOUND: {
    status: 404,
    summary: 'The workspace file does not exist or cannot be read.',
    hint: 'Check the path passed with --workspace.',
  },
  EMU_ERR_WORKSPACE_VERSION: {
    status: 400,
    summary: 'The workspace schemaVersion is newer than this emulator understands, or is not a number.',
    hint: 'Upgrade btp-emulator, or correct schemaVersion.',
  },
  EMU_ERR_WORKSPACE_SAVE: {
    status: 500,
    summary: 'The workspace could not be written to disk.',
    hint: 'Check that the file and its folder are writable; the running workspace was not changed.',
  },
  EMU_ERR_PORT_IN_USE: {
    status: 500,
    summary: 'A port the emulator needs is already in use.',
    hint: 'Stop the other process, or choose another port in engine.ports of the workspace or with --port <service>=<port>, or pass --ephemeral-ports to let every listener pick a free port.',
  },
  EMU_ERR_LISTEN: {
    status: 500,
    summary: 'A listener could not be started.',
    hint: 'Read the cause; check the bind address and permissions.',
  },
  EMU_ERR_DATA_DIR: {
    status: 500,
    summary: 'The data folder could not be created or written.',
    hint: 'Pass --data-dir with a writable folder.',
  },
  EMU_ERR_ADMIN_UNAUTHORIZED: {
    status: 401,
    summary: 'The admin API needs the per-launch secret.',
    hint: 'Send Authorization: Bearer <adminToken> from the ready line, or open the ui link it printed.',
  },
  EMU_ERR_ADMIN_ORIGIN: {
    status: 403,
    summary: 'The request came from a foreign Origin or Host.',
    hint: 'The admin API only answers pages it served itself, on 127.0.0.1 or localhost.',
  },
  EMU_ERR_ADMIN_BAD_REQUEST: {
    status: 400,
    summary: 'The admin API request is malformed.',
    hint: 'Check the body against the admin API contract in app/admin-api.ts.',
  },
  EMU_ERR_ADMIN_TOO_LARGE: {
    status: 413,
    summary: 'The admin API request body is larger than the route takes.',
    hint: 'The message names the limit; an EDMX larger than that cannot be imported through the admin API.',
  },
  EMU_ERR_ADMIN_NOT_FOUND: {
    status: 404,
    summary: 'No admin API route matches.',
    hint: 'See the route list in app/admin-api.ts.',
  },
  EMU_ERR_UI_NOT_BUILT: {
    status: 503,
    summary: 'The UI has not been built.',
    hint: 'Run npm run build (npm ci does this) and reload.',
  },
  EMU_ERR_TOKEN_REQUEST: {
    status: 400,
    summary: 'The token request names an unknown client, user or scope.',
    hint: 'btp-emulator vcap lists the bindings and their client ids; users, role collections and scopes are in the xsuaa section of the workspace.',
  },
  EMU_ERR_DESTINATION_INVALID: {
    status: 400,
    summary: 'A destination has a missing or wrong property.',
    hint: 'Each issue names the property and what it needs; the rules per type and authentication are in emulator/destination/README.md.',
  },
  EMU_ERR_DESTINATION_UNKNOWN: {
    status: 404,
    summary: 'No destination of that name at that level.',
    hint: 'List the destinations (GET /api/destinations) and check the level: subaccount or instance.',
  },
  EMU_ERR_DESTINATION_EXISTS: {
    status: 409,
    summary: 'A destination of that name already exists at that level.',
    hint: 'Choose another name, or edit the existing destination.',
  },
  EMU_ERR_PROXY_BAD_REQUEST: {
    status: 400,
    summary: 'The connectivity proxy got a request it cannot parse or must refuse as malformed.',
    hint: 'Send absolute-form http://<virtual host>:<port>/path requests; do not combine SAP-Connectivity-Authentication with Authorization.',
  },
  EMU_ERR_PROXY_METHOD: {
    status: 405,
    summary: 'The connectivity proxy does not tunnel CONNECT or proxy https:// URLs.',
    hint: 'Use an http:// destination URL; the Cloud Connector mapping chooses HTTPS to the backend.',
  },
  EMU_ERR_PROXY_AUTH: {
    status: 407,
    summary: 'The connectivity proxy needs a valid token of the connectivity binding.',
    hint: 'Send Proxy-Authorization: Bearer <client_credentials token of the connectivity binding> (or a jwt-bearer exchanged user token), not expired, from this emulator.',
  },
  EMU_ERR_PROXY_DENIED: {
    status: 403,
    summary: 'No system mapping or resource of the Cloud Connector allows the request.',
    hint: 'Open the Cloud Connector page and use Check a URL: it names the mapping and resource that decided; add or enable one.',
  },
  EMU_ERR_PROXY_HEADERS_TOO_LARGE: {
    status: 431,
    summary: 'The request line or headers are over 8192 bytes.',
    hint: 'Shorten the URL or headers (large cookies or tokens in headers are the usual cause).',
  },
  EMU_ERR_PROXY_LOCATION: {
    status: 503,
    summary: 'No connected Cloud Connector for the location id.',
    hint: 'Add the location on the Cloud Connector page or connect it; SAP-Connectivity-SCC-Location_ID must match its id exactly.',
  },
  EMU_ERR_PROXY_BACKEND: {
    status: 502,
    summary: 'The backend behind the system mapping is not reachable.',
    hint: 'Start the backend, or fix the internal host and port of the mapping; for HTTPS check its certificate or set backendTrust.',
  },
  EMU_ERR_PROXY_TIMEOUT: {
    status: 504,
    summary: 'The backend did not accept the connection or answer in time.',
    hint: 'Check the backend, or raise cloudConnector.proxy timeouts in the workspace.',
  },
  EMU_ERR_REQUEST_TIMEOUT: {
    status: 408,
    summary: 'The request head (or SOCKS5 handshake) did not arrive within the 30 s deadline.',
    hint: 'Send the whole request head at once; a client that trickles it in, or sends nothing, is cut off.',
  },
  EMU_ERR_INTERNAL: {
    status: 500,
    summary: 'An unexpected internal error.',
    hint: 'This is a bug: please report it with the log lines around it.',
  },
  EMU_ERR_CLI_USAGE: {
    status: 400,
    summary: 'The command line is not valid.',
    hint: 'Run btp-emulator <command> --help for its options and an example.',
  },
  EMU_ERR_ENGINE_NOT_ANSWERING: {
    status: 503,
    summary: 'The engine named in runtime.json of the data folder did not answer, get ready or stop in time.',
    hint: 'btp-emulator status shows its pid; if that process is a hung btp-emulator, end it (kill <pid>) and start again.',
  },
  EMU_ERR_SYSTEM_NOT_FOUND: {
    status: 404,
    summary: 'No running simulated system, service or entity set has that name.',
    hint: 'GET /api/systems lists the running systems and their services; a system that failed to start shows its error there.',
  },
  EMU_ERR_EDMX_INVALID: {
    status: 400,
    summary: 'The EDMX cannot be served as an OData service.',
    hint: 'Fix the element (and line) named in the message: well-formed XML, edmx:Edmx with DataServices, entity types with keys, an EntityContainer with entity sets.',
  },
  EMU_ERR_SERVICE_EXISTS: {
    status: 409,
    summary: 'The system already has a service of that name, or services/<name>.edmx holds another EDMX.',
    hint: 'Choose another service name.',
  },
  EMU_ERR_SESSION_NOT_FOUND: {
    status: 404,
    summary: 'No recorded session of that name, or no entry at that index.',
    hint: 'GET /api/recordings or btp-emulator sessions list shows the sessions in the data folder (recordings/<name>.har).',
  },
  EMU_ERR_SESSION_EXISTS: {
    status: 409,
    summary: 'A session of that name already exists in the data folder.',
    hint: 'Choose another name, or delete the existing session first.',
  },
  EMU_ERR_SESSION_BUSY: {
    status: 409,
    summary: 'A system is recording into or replaying from the session.',
    hint: 'Stop recording or replay on that system first (POST /api/recordings/systems/<id>/stop).',
  },
  EMU_ERR_HAR_INVALID: {
    status: 400,
    summary: 'The file or document is not a HAR 1.2 log.',
    hint: "Save the HAR again from the browser's developer tools or Playwright (recordHar with the content embedded).",
  },
} as const satisfies Record<string, { status: number; summary: string; hint: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOG;

export const ERROR_CODES = Object.keys(ERROR_CATALOG) as ErrorCode[];

/** One precise problem inside a larger input: where (file, JSON path, line) and why. */
export interface ErrorIssue {
  /** JSON path such as `$.xsuaa.users[0].email`. */
  path: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

/** The base of every error the emulator raises on purpose. */
export class EmulatorError extends Error {
  readonly code: ErrorCode;
  readonly issues: readonly ErrorIssue[];
  readonly status: number;

  constructor(code: ErrorCode, message: string, options?: { issues?: ErrorIssue[]; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'EmulatorError';
    this.code = code;
    this.issues = options?.issues ?? [];
    this.status = ERROR_CATALOG[code].status;
  }

  get hint(): string {
    return ERROR_CATALOG[this.code].hint;
  }

  /** The body every HTTP surface of the admin API sends: never a stack trace. */
  toJSON(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        hint: this.hint,
        ...(this.issues.length > 0 ? { issues: [...this.issues] } : {}),
      },
    };
  }
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; hint: string; issues?: ErrorIssue[] };
}

export function isEmulatorError(value: unknown): value is EmulatorError {
  return value instanceof EmulatorError;
}

/** `file:line:col $.path: reason` — the one way issues are shown to people. */
export function formatIssue(issue: ErrorIssue): string {
  const where = issue.file
    ? `${issue.file}${issue.line === undefined ? '' : `:${issue.line}:${issue.column ?? 1}`} `
    : '';
  return `${where}${issue.path}: ${issue.message}`;
}

export function formatError(error: EmulatorError): string {
  const lines = [`${error.code}: ${error.message}`, ...error.issues.map((i) => `  ${formatIssue(i)}`)];
  lines.push(`  hint: ${error.hint}`);
  return lines.join('\n');
}
