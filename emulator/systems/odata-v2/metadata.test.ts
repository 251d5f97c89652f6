// $metadata ends its schema with Gateway's atom:links (self, latest-version) pointing at the service as
// the client addressed it, and the SAP Cloud SDK generator, run on what the emulator serves, derives
// the service path from them. Links an imported EDMX brings are replaced, not repeated.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readEdmxAndSwaggerFile } from '@sap-cloud-sdk/generator/dist/edmx-parser/edmx-file-reader.js';
import { getBasePath } from '@sap-cloud-sdk/generator/dist/service-base-path.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_METADATA } from '../builtin/index.js';
import { parseEdmx } from '../edm/parse-edmx.js';
import { FIXTURES, TEST_EDMX } from '../fixtures/edmx.js';
import { BASIC, DEMO_SYSTEM, startTestSystem, V2_ROOT, type TestSystem } from '../test-support.js';

const DRAFT_ROOT = '/sap/opu/odata/sap/SEPMRA_PROD_MAN/';

let sys: TestSystem;
beforeAll(async () => {
  sys = await startTestSystem(
    {
      ...DEMO_SYSTEM,
      services: [
        ...DEMO_SYSTEM.services,
        { name: 'SEPMRA_PROD_MAN', odataVersion: 'v2', metadata: 'draft-products.edmx' },
      ],
    },
    { baseDir: FIXTURES },
  );
});
afterAll(() => sys.stop());

/** GET with exactly these headers (fetch cannot set Host). */
function get(pathAndQuery: string, headers: Record<string, string> = {}): Promise<string> {
  const { port } = new URL(sys.url);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: pathAndQuery, headers: { authorization: BASIC, ...headers } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () =>
          res.statusCode === 200 ? resolve(body) : reject(new Error(`${res.statusCode}: ${body}`)),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const links = (xml: string): string[] => [...xml.matchAll(/<atom:link\b[^>]*\/>/g)].map((m) => m[0]);

/** The service path the SAP Cloud SDK generator (`generate-odata-client`) derives from an EDMX file. */
async function generatorBasePath(xml: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'btp-generator-'));
  try {
    const file = path.join(dir, 'SERVICE.edmx');
    await writeFile(file, xml);
    return getBasePath(readEdmxAndSwaggerFile(file), { directoryName: 'client', packageName: 'client' });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('atom links of $metadata', () => {
  it('ends the schema with self and latest-version links to the $metadata URL the client used', async () => {
    const xml = await get(`${V2_ROOT}$metadata`);
    const href = `${sys.url}${V2_ROOT}$metadata`;
    expect(links(xml)).toEqual([
      `<atom:link rel="self" href="${href}" xmlns:atom="http://www.w3.org/2005/Atom"/>`,
      `<atom:link rel="latest-version" href="${href}" xmlns:atom="http://www.w3.org/2005/Atom"/>`,
    ]);
    expect(xml).toMatch(
      /<\/EntityContainer>\n\s*<atom:link rel="self"[^\n]*\n\s*<atom:link rel="latest-version"[^\n]*\n\s*<\/Schema>/,
    );
    // Nothing else changes: without the two link lines it is the EDMX as given.
    expect(xml.replace(/ *<atom:link[^\n]*\n/g, '')).toBe(BUILTIN_METADATA.API_BUSINESS_PARTNER);
    expect(parseEdmx(xml).entitySets.size).toBe(4);
  });

  it('names the virtual host the request came through (Host, or X-Forwarded-Host/-Proto)', async () => {
    const viaProxy = await get(`${V2_ROOT}$metadata`, { host: 's4.virtual:44300' });
    expect(links(viaProxy)[0]).toContain(
      'href="http://s4.virtual:44300/sap/opu/odata/sap/API_BUSINESS_PARTNER/$metadata"',
    );
    const internal = await get(`${V2_ROOT}$metadata`, {
      host: 'internal:8000',
      'x-forwarded-host': 'erp.example.com',
      'x-forwarded-proto': 'https',
    });
    expect(links(internal)[1]).toContain(
      'href="https://erp.example.com/sap/opu/odata/sap/API_BUSINESS_PARTNER/$metadata"',
    );
  });

  it('lets the SAP Cloud SDK generator derive the service path', async () => {
    expect(await generatorBasePath(await get(`${V2_ROOT}$metadata`))).toBe(
      '/sap/opu/odata/sap/API_BUSINESS_PARTNER',
    );
    expect(await generatorBasePath(await get(`${V2_ROOT}$metadata`, { host: 's4.virtual:44300' }))).toBe(
      '/sap/opu/odata/sap/API_BUSINESS_PARTNER',
    );
  });

  it('replaces the links an imported EDMX brings instead of repeating them', async () => {
    expect(TEST_EDMX['draft-products.edmx']).toContain('href="https://SAPES5.SAPDEVCENTER.COM:443/');
    const xml = await get(`${DRAFT_ROOT}$metadata`);
    const href = `${sys.url}${DRAFT_ROOT}$metadata`;
    expect(links(xml)).toEqual([
      `<atom:link rel="self" href="${href}" xmlns:atom="http://www.w3.org/2005/Atom"/>`,
      `<atom:link rel="latest-version" href="${href}" xmlns:atom="http://www.w3.org/2005/Atom"/>`,
    ]);
    expect(xml.match(/rel="(self|latest-version)"/g)).toHaveLength(2);
    expect(xml).toMatch(/<\/Annotations>\n\s*<atom:link rel="self"/);
    expect(await generatorBasePath(xml)).toBe('/sap/opu/odata/sap/SEPMRA_PROD_MAN');
  });
});
