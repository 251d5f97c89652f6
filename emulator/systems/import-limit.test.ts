// One size limit for an EDMX, from the request body to the schema: an EDMX up to EDMX_MAX_BYTES gets
// through (a 12 MB file included), a larger one gets a 413 in the admin API's error shape, and the
// client reads that answer instead of a cut connection.
import http from 'node:http';
import { describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../app/errors.js';
import { EDMX_MAX_BYTES } from '../../app/systems/api.js';
import { adminUrl, engine } from '../test/support.js';
import type { EmulatorHandle } from '../types.js';

/** Sends the body with node:http (its Content-Length up front, like a browser), the answer or the socket error. */
function post(
  handle: EmulatorHandle,
  route: string,
  body: string,
): Promise<{ status: number; body: ErrorBody } | { error: string }> {
  return new Promise((resolve) => {
    const req = http.request(
      `${adminUrl(handle)}${route}`,
      {
        method: 'POST',
        agent: false,
        headers: {
          Authorization: `Bearer ${handle.adminToken}`,
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(body),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as ErrorBody }));
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    req.end(body);
  });
}

/** Well-formed XML that is no EDMX, `chars` long: parsed and refused, cheaply. */
const notEdmx = (chars: number): string => {
  const open = '<?xml version="1.0"?><Root><!-- ';
  const close = ' --></Root>';
  return `${open}${'x'.repeat(chars - open.length - close.length)}${close}`;
};

describe('EDMX size limit', () => {
  it('lets a 12 MB EDMX through to the parser', async () => {
    const handle = await engine();
    const reply = await post(
      handle,
      '/api/systems/S4D/services',
      JSON.stringify({ xml: notEdmx(12_000_000), name: 'BIG' }),
    );
    expect(reply).toMatchObject({ status: 400, body: { error: { code: 'EMU_ERR_EDMX_INVALID' } } });
  });

  it('answers 413 EMU_ERR_ADMIN_TOO_LARGE for a larger one, body or field, and the client reads it', async () => {
    const handle = await engine();
    const limit = `larger than ${EDMX_MAX_BYTES / 1024 / 1024} MiB`;
    for (const [route, body] of [
      // Over the body limit: refused from its Content-Length, before the body is read.
      ['/api/systems/S4D/services', JSON.stringify({ xml: 'x'.repeat(2 * EDMX_MAX_BYTES + 1), name: 'BIG' })],
      ['/api/systems/edmx/inspect', JSON.stringify({ xml: 'x'.repeat(2 * EDMX_MAX_BYTES + 1) })],
      // Under it, with an EDMX over the limit in UTF-8 bytes (half as many characters).
      ['/api/systems/edmx/inspect', JSON.stringify({ xml: 'é'.repeat(EDMX_MAX_BYTES / 2 + 1) })],
    ] as const) {
      const reply = await post(handle, route, body);
      expect(reply, route).toMatchObject({
        status: 413,
        body: {
          error: { code: 'EMU_ERR_ADMIN_TOO_LARGE', message: expect.stringContaining(limit) as unknown },
        },
      });
    }
    // fetch (undici), as the UI's import sends it.
    const viaFetch = await fetch(`${adminUrl(handle)}/api/systems/S4D/services`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${handle.adminToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ xml: 'x'.repeat(2 * EDMX_MAX_BYTES + 1), name: 'BIG' }),
    });
    expect(viaFetch.status).toBe(413);
    expect(((await viaFetch.json()) as ErrorBody).error.code).toBe('EMU_ERR_ADMIN_TOO_LARGE');
  });
});
