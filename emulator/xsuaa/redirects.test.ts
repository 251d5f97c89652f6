// The redirect parameters of the login flow are attacker-controlled (any web page can make a browser
// send them to 127.0.0.1): a value that cannot be a header must get a 400 or a safe 302, and the
// engine must keep serving. Sent as raw bytes, exactly as a browser following an <img src> would.
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../app/events.js';
import { engine } from '../test/support.js';
import { statusOf, talk } from '../test/raw-socket.js';
import type { EmulatorHandle } from '../types.js';

const portOf = (url: string): number => Number(new URL(url).port);

async function get(handle: EmulatorHandle, target: string): Promise<string> {
  const port = portOf(handle.urls.xsuaa!);
  const request = `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`;
  return (await talk({ port }, request)).received;
}

const header = (response: string, name: string): string | undefined =>
  new RegExp(`\\r\\n${name}: ([^\\r\\n]*)`, 'i').exec(response)?.[1];

describe('XSUAA redirect targets from the query', () => {
  it('answers /logout.do with a redirect beyond Latin-1, CR/LF or NUL safely and keeps serving', async () => {
    const handle = await engine();
    const errors: EngineEvent[] = [];
    handle.on('log', (e) => e.level === 'error' && errors.push(e));

    // The reported attack: U+0100 passes the loopback check; the Location is built from the parsed URL.
    const latin = await get(handle, '/logout.do?redirect=http://127.0.0.1/%C4%80');
    expect(statusOf(latin)).toBe(302);
    expect(header(latin, 'Location')).toBe('http://127.0.0.1/%C4%80');
    expect(header(latin, 'Set-Cookie')).toMatch(/Max-Age=0/);

    const idn = await get(
      handle,
      `/logout.do?post_logout_redirect_uri=${encodeURIComponent('http://localhost:5000/café?x=ü')}`,
    );
    expect(header(idn, 'Location')).toBe('http://localhost:5000/caf%C3%A9?x=%C3%BC');

    for (const [name, value] of [
      ['CR/LF', 'http://127.0.0.1/%0d%0aSet-Cookie:%20evil=1'],
      ['LF', 'http://127.0.0.1/%0aX:1'],
      ['NUL', 'http://127.0.0.1/%00'],
      ['tab', 'http://127.0.0.1/%09x'],
    ] as const) {
      const response = await get(handle, `/logout.do?redirect=${value}`);
      expect(statusOf(response), name).toBe(400);
      expect(response, name).toContain('redirect parameter contains a control character');
      expect(header(response, 'Location'), name).toBeUndefined();
      expect(response, name).not.toMatch(/\r\nevil=|\r\nX:1/);
    }
    const viaUri = await get(handle, '/logout.do?post_logout_redirect_uri=http://127.0.0.1/%0d%0a');
    expect(statusOf(viaUri)).toBe(400);
    expect(viaUri).toContain('post_logout_redirect_uri parameter contains a control character (0x0D');

    // Still alive, and no request above was a fault of the emulator.
    expect(statusOf(await get(handle, '/token_keys'))).toBe(200);
    expect(errors).toEqual([]);
  });

  it('refuses an authorize redirect_uri with control characters, and a request target that is no URL', async () => {
    const handle = await engine();
    const vcap = handle.bindingEnv().VCAP_SERVICES as Record<string, { credentials: { clientid: string } }[]>;
    const clientId = vcap.xsuaa![0]!.credentials.clientid;
    const uri = await get(
      handle,
      `/oauth/authorize?response_type=code&client_id=${clientId}&redirect_uri=http://localhost:5000/%0d%0acb`,
    );
    expect(statusOf(uri)).toBe(400);
    expect(uri).toContain('redirect_uri parameter contains a control character');

    // Node hands absolute-form targets through unparsed; `http://[` is no URL at all.
    const target = await get(handle, 'http://[');
    expect(statusOf(target)).toBe(400);
    expect(JSON.parse(target.slice(target.indexOf('\r\n\r\n') + 4))).toEqual({
      error: 'invalid_request',
      error_description: 'The request target is not a valid URL',
    });
    expect(statusOf(await get(handle, '/token_keys'))).toBe(200);
  });
});
