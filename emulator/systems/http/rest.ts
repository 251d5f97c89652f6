// Non-OData endpoints of a system, written as MSW request handlers. MSW's getResponse() resolves a
// Fetch Request against the handlers without intercepting anything, so the module is plain MSW code.
import type { IncomingMessage } from 'node:http';
import { pathToFileURL } from 'node:url';
import type { ODataResponse } from './types.js';

type Handler = unknown;
type GetResponse = (handlers: Handler[], request: Request) => Promise<Response | undefined>;

export class RestHandlers {
  private constructor(
    private readonly handlers: Handler[],
    private readonly getResponse: GetResponse,
  ) {}

  static async load(file: string): Promise<RestHandlers> {
    const module = (await import(pathToFileURL(file).href)) as { default?: unknown; handlers?: unknown };
    const handlers = module.handlers ?? module.default;
    if (!Array.isArray(handlers))
      throw new Error(
        `${file} exports no array of MSW handlers (export default [...] or export const handlers)`,
      );
    // Loaded only when a system has REST handlers: MSW is then needed at runtime.
    const msw = (await import('msw').catch((cause: unknown) => {
      throw new Error(
        `${file} has MSW handlers, but the msw package cannot be loaded: install it beside btp-emulator (npm install --save-dev msw)`,
        { cause },
      );
    })) as unknown as { getResponse: GetResponse };
    return new RestHandlers(handlers, msw.getResponse);
  }

  async respond(req: IncomingMessage, url: URL, body: Buffer): Promise<ODataResponse | undefined> {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === 'string') headers.set(name, value);
    }
    const method = req.method ?? 'GET';
    const request = new Request(`http://${req.headers.host ?? '127.0.0.1'}${url.pathname}${url.search}`, {
      method,
      headers,
      ...(method === 'GET' || method === 'HEAD' ? {} : { body: new Uint8Array(body) }),
    });
    const response = await this.getResponse(this.handlers, request);
    if (!response) return undefined;
    const out: Record<string, string> = {};
    response.headers.forEach((value, name) => (out[name] = value));
    return { status: response.status, headers: out, body: Buffer.from(await response.arrayBuffer()) };
  }
}
