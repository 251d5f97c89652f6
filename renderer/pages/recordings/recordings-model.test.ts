import { describe, expect, it } from 'vitest';
import { DEMO_WORKSPACE } from '../../../app/workspace/demo.js';
import { workspaceSchema } from '../../../app/workspace/schema.js';
import {
  BODY_DISPLAY_LIMIT,
  parseHarEntry,
  requestBody,
  responseBody,
  splitRedacted,
} from './har-entry-view.js';
import {
  formatBytes,
  pageInfo,
  realHostMappings,
  sessionNameFromFile,
  withLiveUrl,
} from './recordings-model.js';

const entry = (content: Record<string, unknown>, postData?: Record<string, unknown>) => {
  const parsed = parseHarEntry({
    request: { method: 'POST', url: 'http://h/x', ...(postData ? { postData } : {}) },
    response: { status: 200, content },
  });
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.entry;
};

describe('HAR entries for display', () => {
  it('decodes textual base64 bodies and pretty-prints JSON; binary ones are only counted', () => {
    const json = entry({ mimeType: 'application/json', encoding: 'base64', text: btoa('{"a":[1]}') });
    expect(responseBody(json)).toMatchObject({ text: '{\n  "a": [\n    1\n  ]\n}', json: true });
    const png = entry({ mimeType: 'image/png', encoding: 'base64', text: btoa('\x89PNG\r\n') });
    expect(responseBody(png)).toMatchObject({ text: '', binaryBytes: 6 });
  });

  it('cuts very large bodies for display and says how much is left out', () => {
    const big = entry({ mimeType: 'text/plain', text: 'x'.repeat(BODY_DISPLAY_LIMIT + 5) });
    expect(responseBody(big)).toMatchObject({ truncated: 5, json: false });
    expect(responseBody(big).text).toHaveLength(BODY_DISPLAY_LIMIT);
  });

  it('shows form params when the request body has no text, and keeps invalid JSON as it is', () => {
    const form = entry(
      {},
      { mimeType: 'application/x-www-form-urlencoded', params: [{ name: 'a', value: '1' }] },
    );
    expect(requestBody(form).text).toBe('a=1');
    const broken = entry({ mimeType: 'application/json', text: '{"cut": ' });
    expect(responseBody(broken)).toMatchObject({ text: '{"cut": ', json: false });
  });

  it('names what is wrong with an entry it cannot show', () => {
    expect(parseHarEntry({ request: { url: 'x' }, response: { status: 200 } })).toEqual({
      ok: false,
      problem: 'request.method: Invalid input: expected string, received undefined',
    });
  });

  it('splits text around redaction markers, also percent-encoded ones in URLs', () => {
    expect(splitRedacted('token=%5Bredacted%5D&a=[redacted]')).toEqual([
      { text: 'token=', redacted: false },
      { text: '%5Bredacted%5D', redacted: true },
      { text: '&a=', redacted: false },
      { text: '[redacted]', redacted: true },
    ]);
  });
});

describe('Recordings model', () => {
  it('formats sizes', () => {
    expect([0, 1023, 1024, 5120, 150 * 1024, 3 * 1024 * 1024].map(formatBytes)).toEqual([
      '0 B',
      '1023 B',
      '1.0 KB',
      '5.0 KB',
      '150 KB',
      '3.0 MB',
    ]);
  });

  it('clamps pages to what exists', () => {
    expect(pageInfo(0, 3)).toEqual({ page: 0, pages: 1, from: 0, to: 0 });
    expect(pageInfo(250, 7)).toEqual({ page: 2, pages: 3, from: 201, to: 250 });
  });

  it('makes valid session names from file names', () => {
    expect(sessionNameFromFile('Chrome trace (2).har')).toBe('Chrome_trace_2');
    expect(sessionNameFromFile('--.x.json')).toBe('x');
    expect(sessionNameFromFile('äöü.har')).toBe('');
  });

  it('lists only HTTP(S) mappings to real hosts, and sets live.url keeping other live settings', () => {
    const ws = workspaceSchema.parse({
      ...DEMO_WORKSPACE,
      cloudConnector: {
        locations: [
          {
            id: 'loc1',
            systemMappings: [
              { virtualHost: 'a', virtualPort: 1, internalHost: 'system:S4D' },
              {
                virtualHost: 'b',
                virtualPort: 2,
                internalHost: 'erp.corp',
                internalPort: 443,
                protocol: 'HTTPS',
              },
              {
                virtualHost: 'c',
                virtualPort: 3,
                internalHost: 'db.corp',
                internalPort: 5432,
                protocol: 'TCP',
              },
            ],
          },
        ],
      },
    });
    expect(realHostMappings(ws)).toEqual([
      { location: 'loc1', virtualHost: 'b', virtualPort: 2, target: 'https://erp.corp:443' },
    ]);
    const s4d = ws.systems[0]!;
    const withProxy = {
      ...ws,
      systems: [
        {
          ...s4d,
          recording: {
            ...s4d.recording,
            live: { url: 'http://old:1', trust: 'verify' as const, timeoutMs: 5000, proxy: 'http://p:3128' },
          },
        },
      ],
    };
    expect(withLiveUrl(withProxy, 'S4D', 'https://new:2', 'ignore').systems[0]!.recording.live).toEqual({
      url: 'https://new:2',
      trust: 'ignore',
      timeoutMs: 5000,
      proxy: 'http://p:3128',
    });
  });
});
