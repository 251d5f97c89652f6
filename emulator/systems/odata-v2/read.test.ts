// Conformance: OData V2 reads as Gateway serves them (JSON verbose), over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectJson,
  FIXTURES,
  fixtureSystem,
  startTestSystem,
  V2_ROOT,
  type TestSystem,
  type V2ErrorBody,
} from '../test-support.js';

type Entity = Record<string, unknown> & { __metadata: { uri: string; type: string; etag: string } };
type Collection = { d: { results: Entity[]; __count?: string; __next?: string } };

let sys: TestSystem;
beforeAll(async () => {
  sys = await startTestSystem(
    fixtureSystem((s) => ((s.services as Record<string, unknown>[])[0]!.pageSize = 3)),
    { baseDir: FIXTURES },
  );
});
afterAll(() => sys.stop());

const get = (path: string): Promise<Response> => sys.request(`${V2_ROOT}${path}`);
const keys = async (path: string): Promise<string[]> =>
  (await expectJson<Collection>(await get(path), 200)).d.results.map((r) => r.BusinessPartner as string);

describe('service document and $metadata', () => {
  it('lists the entity sets', async () => {
    const body = await expectJson<{ d: { EntitySets: string[] } }>(await get(''), 200);
    expect(body.d.EntitySets).toEqual([
      'A_BusinessPartner',
      'A_BusinessPartnerAddress',
      'A_BusinessPartnerRole',
      'A_AddressEmailAddress',
    ]);
  });

  it('serves the EDMX as XML', async () => {
    const response = await get('$metadata');
    expect(response.headers.get('content-type')).toContain('application/xml');
    expect(await response.text()).toContain('<EntityType Name="A_BusinessPartnerType"');
  });
});

describe('entity sets and entities', () => {
  it('returns d.results with __metadata (uri, type, etag) and __deferred navigations', async () => {
    const body = await expectJson<Collection>(await get('A_BusinessPartner?$top=1'), 200);
    const first = body.d.results[0]!;
    expect(first.__metadata.uri).toBe(`${sys.url}${V2_ROOT}A_BusinessPartner('1000001')`);
    expect(first.__metadata.type).toBe('API_BUSINESS_PARTNER.A_BusinessPartnerType');
    expect(first.__metadata.etag).toMatch(/^W\/"[0-9a-f]{8}"$/);
    expect(first).toMatchObject({
      CreditLimitAmount: '1000.00',
      CreationDate: '/Date(1609459200000)/',
      LastChangeDateTime: '/Date(1609462800000+0000)/',
      EmployeeCount: 10,
      to_BusinessPartnerAddress: { __deferred: { uri: `${first.__metadata.uri}/to_BusinessPartnerAddress` } },
    });
  });

  it('reads by single, composite, encoded and quoted keys', async () => {
    const single = await expectJson<{ d: Entity }>(await get("A_BusinessPartner('1000002')"), 200);
    expect(single.d.LastName).toBe('Miller');
    const composite = await expectJson<{ d: Entity }>(
      await get("A_BusinessPartnerAddress(BusinessPartner='1000001',AddressID='2')"),
      200,
    );
    expect(composite.d.CityName).toBe('Berlin');
    expect(composite.d.__metadata.uri).toContain(
      "A_BusinessPartnerAddress(BusinessPartner='1000001',AddressID='2')",
    );
    const encoded = await expectJson<{ d: Entity }>(await get("A_BusinessPartner('A%2FB%201')"), 200);
    expect(encoded.d.LastName).toBe('Key');
    expect(encoded.d.__metadata.uri).toContain("A_BusinessPartner('A%2FB%201')");
  });

  it('answers a single entity with its ETag header', async () => {
    const response = await get("A_BusinessPartner('1000001')");
    const body = await expectJson<{ d: Entity }>(response, 200);
    expect(response.headers.get('etag')).toBe(body.d.__metadata.etag);
  });

  it('reads a property and its $value', async () => {
    expect(await expectJson(await get("A_BusinessPartner('1000001')/LastName"), 200)).toEqual({
      d: { LastName: 'Weber' },
    });
    expect(await (await get("A_BusinessPartner('1000001')/LastName/$value")).text()).toBe('Weber');
  });
});

describe('navigation and $links', () => {
  it('follows to-many, to-one and keyed navigations', async () => {
    const addresses = await expectJson<Collection>(
      await get("A_BusinessPartner('1000001')/to_BusinessPartnerAddress"),
      200,
    );
    expect(addresses.d.results.map((a) => a.CityName)).toEqual(['Walldorf', 'Berlin']);
    const owner = await expectJson<{ d: Entity }>(
      await get("A_BusinessPartnerAddress(BusinessPartner='1000002',AddressID='3')/to_BusinessPartner"),
      200,
    );
    expect(owner.d.LastName).toBe('Miller');
    const keyed = await expectJson<{ d: Entity }>(
      await get(
        "A_BusinessPartner('1000001')/to_BusinessPartnerAddress(BusinessPartner='1000001',AddressID='1')",
      ),
      200,
    );
    expect(keyed.d.CityName).toBe('Walldorf');
  });

  it('lists $links as uris', async () => {
    const links = await expectJson<{ d: { results: { uri: string }[] } }>(
      await get("A_BusinessPartner('1000001')/$links/to_BusinessPartnerAddress"),
      200,
    );
    expect(links.d.results.map((l) => l.uri)).toEqual([
      `${sys.url}${V2_ROOT}A_BusinessPartnerAddress(BusinessPartner='1000001',AddressID='1')`,
      `${sys.url}${V2_ROOT}A_BusinessPartnerAddress(BusinessPartner='1000001',AddressID='2')`,
    ]);
  });
});

describe('system query options', () => {
  it.each([
    ["$filter=LastName eq 'Weber'", ['1000001']],
    ["$filter=LastName eq 'O''Brien'", ['1000003']],
    ["$filter=substringof('e', LastName) and EmployeeCount gt 5", ['1000001', '1000002']],
    ["$filter=startswith(FirstName, 'C') or endswith(LastName, 'ler')", ['1000002', '1000003']],
    [
      "$filter=CreationDate ge datetime'2022-01-01T00:00:00' and CreationDate lt datetime'2023-12-31T00:00'",
      ['1000002', '1000003'],
    ],
    ['$filter=CreditLimitAmount gt 999.99M', ['1000001', '1000002']],
    ['$filter=Industry eq null', ['1000002']],
    ['$filter=IsMarkedForArchiving', ['1000002']],
    ['$filter=year(CreationDate) eq 2021', ['1000001']],
    ["$filter=tolower(Industry) eq 'retail'", ['1000001', 'A/B 1']],
    ['$filter=length(LastName) eq 3', ['A/B 1']],
    // The service pages at 3 (pageSize), so full orderings show their first page.
    ['$orderby=EmployeeCount desc', ['1000002', '1000001', '1000003']],
    ['$orderby=Industry,LastName desc', ['1000002', '1000003', '1000001']],
    ['$orderby=EmployeeCount&$skip=2&$top=2', ['1000001', '1000002']],
    ['$orderby=LastName&$skip=1&$top=2', ['1000002', '1000003']],
    ['$top=0', []],
  ])('%s', async (query, expected) => {
    const pageless = query.includes('$top') ? query : `${query}&$top=10`;
    expect(await keys(`A_BusinessPartner?${pageless}`)).toEqual(expected);
  });

  it('$select keeps only the named properties (keys always)', async () => {
    const body = await expectJson<Collection>(await get('A_BusinessPartner?$top=1&$select=LastName'), 200);
    expect(Object.keys(body.d.results[0]!).sort()).toEqual(['BusinessPartner', 'LastName', '__metadata']);
  });

  it('$expand nests to-many and to-one navigations, with nested $select', async () => {
    const body = await expectJson<{ d: Entity }>(
      await get(
        "A_BusinessPartner('1000001')?$expand=to_BusinessPartnerAddress/to_EmailAddress&$select=LastName,to_BusinessPartnerAddress/CityName,to_BusinessPartnerAddress/to_EmailAddress",
      ),
      200,
    );
    const addresses = (body.d.to_BusinessPartnerAddress as { results: Entity[] }).results;
    expect(addresses.map((a) => a.CityName)).toEqual(['Walldorf', 'Berlin']);
    expect(addresses[0]).not.toHaveProperty('Country');
    expect((addresses[0]!.to_EmailAddress as { results: Entity[] }).results[0]!.EmailAddress).toBe(
      'anna@example.com',
    );
    const back = await expectJson<{ d: Entity }>(
      await get(
        "A_BusinessPartnerAddress(BusinessPartner='1000002',AddressID='3')?$expand=to_BusinessPartner",
      ),
      200,
    );
    expect((back.d.to_BusinessPartner as Entity).LastName).toBe('Miller');
  });

  it('$inlinecount and /$count count the filtered set', async () => {
    const body = await expectJson<Collection>(
      await get("A_BusinessPartner?$inlinecount=allpages&$top=1&$filter=Industry eq 'RETAIL'"),
      200,
    );
    expect(body.d.__count).toBe('2');
    expect(body.d.results).toHaveLength(1);
    expect(await (await get('A_BusinessPartner/$count')).text()).toBe('4');
    expect(await (await get('A_BusinessPartner/$count?$filter=EmployeeCount lt 5')).text()).toBe('2');
    expect(await (await get("A_BusinessPartner('1000001')/to_BusinessPartnerAddress/$count")).text()).toBe(
      '2',
    );
  });

  it('pages with __next and $skiptoken until every entity was delivered', async () => {
    const seen: string[] = [];
    let next: string | undefined = `${sys.url}${V2_ROOT}A_BusinessPartner?$inlinecount=allpages`;
    while (next) {
      const body: Collection = await expectJson<Collection>(
        await sys.request(next.slice(sys.url.length)),
        200,
      );
      expect(body.d.__count).toBe('4');
      seen.push(...body.d.results.map((r) => r.BusinessPartner as string));
      next = body.d.__next;
    }
    expect(seen).toEqual(['1000001', '1000002', '1000003', 'A/B 1']);
  });

  it('a client $top below the page size gets no __next', async () => {
    const body = await expectJson<Collection>(await get('A_BusinessPartner?$top=2'), 200);
    expect(body.d.__next).toBeUndefined();
  });
});

describe('function imports', () => {
  it('takes a result from a hook, from the workspace, or returns the addressed entity', async () => {
    expect(await expectJson(await get("CountPartnersInCity?CityName='Walldorf'"), 200)).toEqual({
      d: { CountPartnersInCity: 42 },
    });
    const tax = await expectJson<{ d: { CheckTaxNumber: Record<string, unknown> } }>(
      await get("CheckTaxNumber?Country='DE'&TaxNumber='1'"),
      200,
    );
    expect(tax.d.CheckTaxNumber).toMatchObject({ TaxNumber: 'DE123', IsValid: true });
    const csrf = await sys.csrf();
    const marked = await expectJson<{ d: Entity }>(
      await sys.request(`${V2_ROOT}MarkForArchiving?BusinessPartner='1000003'`, {
        method: 'POST',
        headers: csrf,
      }),
      200,
    );
    expect(marked.d.LastName).toBe("O'Brien");
  });

  it('refuses the wrong HTTP method', async () => {
    const body = await expectJson<V2ErrorBody>(await get("MarkForArchiving?BusinessPartner='1'"), 405);
    expect(body.error.message.value).toContain('must be called with POST');
  });
});

describe('malformed requests get an OData error naming the problem', () => {
  it.each([
    ["A_BusinessPartner?$filter=LastName eq 'x", 400, /Invalid \$filter: Unterminated string/],
    ['A_BusinessPartner?$filter=Nope eq 1', 400, /Property Nope does not exist/],
    ['A_BusinessPartner?$select=Nope', 400, /\$select: property Nope does not exist/],
    ['A_BusinessPartner?$expand=Nope', 400, /navigation property Nope does not exist/],
    ['A_BusinessPartner?$orderby=Nope', 400, /Invalid \$orderby: Property Nope/],
    ['A_BusinessPartner?$top=-1', 400, /Invalid value '-1' of \$top/],
    ['A_BusinessPartner?$inlinecount=some', 400, /\$inlinecount/],
    ['A_BusinessPartner?$foo=1', 400, /System query option '\$foo' is not supported/],
    ['A_BusinessPartner?$format=yaml', 400, /Format 'yaml' is not supported/],
    ["A_BusinessPartner(Nope='1')", 400, /has the keys BusinessPartner/],
    ["A_BusinessPartnerAddress('1')", 400, /has the keys BusinessPartner, AddressID/],
    ["A_BusinessPartner('1000001'", 400, /missing '\)'/],
    ["A_BusinessPartner('nobody')", 404, /Resource not found/],
    ['NoSuchSet', 404, /Resource not found for segment 'NoSuchSet'/],
    ["A_BusinessPartner('1000001')/Nope", 404, /Property Nope does not exist/],
    ['A_BusinessPartner?$skiptoken=abc', 400, /Invalid \$skiptoken/],
  ])('%s → %i', async (path, status, message) => {
    const body = await expectJson<V2ErrorBody>(await get(path), status);
    expect(body.error.message.value).toMatch(message);
    expect(body.error.message.lang).toBe('en');
    expect(body.error.innererror.errordetails.length).toBeGreaterThan(0);
  });
});
