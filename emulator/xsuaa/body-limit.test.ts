// A form body over the XSUAA limit gets its 413 (OAuth error JSON) and then a closed connection: the
// client that sent 1 MB reads the answer instead of a reset.
import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { engine } from '../test/support.js';

function post(
  url: string,
  body: Buffer,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent: false,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': body.length },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('XSUAA request body limit', () => {
  it('answers a 1 MB form with 413 invalid_request, then closes the connection', async () => {
    const handle = await engine();
    const body = Buffer.from(`grant_type=client_credentials&pad=${'a'.repeat(1024 * 1024)}`);
    for (const path of ['/oauth/token', '/login.do']) {
      const reply = await post(`${handle.urls.xsuaa}${path}`, body);
      expect(reply.status).toBe(413);
      expect(reply.headers.connection).toBe('close');
      expect(JSON.parse(reply.text)).toEqual({
        error: 'invalid_request',
        error_description: 'Request body over 65536 bytes',
      });
    }
  });
});
