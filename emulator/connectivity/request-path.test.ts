// The resource rule matrix: with only /sap/opu/odata/sap/API_BUSINESS_PARTNER/ exposed, every spelling
// of a dot segment or a backslash is refused with 400 before the rules run, legitimate OData paths
// (keys with dots, "..", %2F, $batch, matrix parameters) pass, and only the path counts (not the query).
import { describe, expect, it } from 'vitest';
import { cloudConnectorSchema } from '../../app/connectivity/workspace.js';
import { AccessRules } from './access-rules.js';
import { checkUrl } from './admission.js';
import { pathProblem } from './request-path.js';

const BP = '/sap/opu/odata/sap/API_BUSINESS_PARTNER/';
const rules = AccessRules.compile(
  cloudConnectorSchema.parse({
    locations: [
      {
        systemMappings: [
          {
            virtualHost: 's4.virtual',
            virtualPort: 44300,
            internalHost: 'system:S4D',
            resources: [
              { path: BP, mode: 'prefix' },
              { path: '/sap/opu/odata/sap/API_BUSINESS_PARTNER;v=0002/', mode: 'prefix' },
            ],
          },
        ],
      },
    ],
  }).locations,
);
const status = (path: string): number => {
  const admission = checkUrl(rules, `http://s4.virtual:44300${path}`, null);
  return admission.ok ? 200 : admission.status;
};

const V4 = 'odata4/sap/salesorder/srvd/sap/salesorder/0001/';
const refused: [string, RegExp][] = [
  [`${BP}..\\..\\..\\${V4}`, /backslash/],
  [`${BP}A_BusinessPartner\\x`, /backslash/],
  [`${BP}../../../${V4}`, /dot segment "\.\."/],
  [`${BP}./x`, /dot segment "\."/],
  [`${BP}..`, /dot segment/],
  [`${BP}%2e%2e/%2E%2E/%2e%2E/${V4}`, /"%2e%2e" \(read as "\.\."\)/],
  [`${BP}.%2e/.%2e/.%2e/${V4}`, /read as "\.\."/],
  [`${BP}%2e./x`, /read as "\.\."/],
  [`${BP}..;/..;/..;/${V4}`, /"\.\.;" \(read as "\.\."\)/],
  [`${BP}..;jsessionid=1/x`, /read as "\.\."/],
  [`${BP}.;x/y`, /read as "\."/],
  [`${BP}%c0%ae%c0%ae/x`, /"%c0%ae%c0%ae" \(read as "\.\."\)/],
  [`${BP}%e0%80%ae%e0%80%ae/x`, /read as "\.\."/],
  [`${BP}%f0%80%80%ae./x`, /read as "\.\."/],
  [`${BP}%c0%ae%2e/x`, /read as "\.\."/],
  [`${BP}..%c0%af..%c0%af..%c0%af${V4}`, /read as "\.\."/],
  [`${BP}..%e0%80%afx`, /read as "\.\."/],
  [`${BP}..%2f..%2F..%2f${V4}`, /read as "\.\."/],
  [`${BP}x%2F..%2F..%2F..%2F${V4}`, /read as "\.\."/],
  [`${BP}..%5c..%5C..%5c${V4}`, /read as "\.\."/],
  [`${BP}..%c1%9cx`, /read as "\.\."/],
  [`${BP}%252e%252e/x`, /"%252e%252e" \(read as "\.\."\)/],
  [`${BP}%25252e%25252e/x`, /read as "\.\."/],
  [`${BP}..%255cx`, /read as "\.\."/],
  [`${BP}%u002e%u002e/x`, /read as "\.\."/],
  [`${BP}%ef%bc%8e%ef%bc%8e/x`, /read as "\.\."/],
  [`${BP}\u00ef\u00bc\u008e\u00ef\u00bc\u008e/x`, /"%EF%BC%8E%EF%BC%8E" \(read as "\.\."\)/],
  [`${BP}\uff0e\uff0e/x`, /"%EF%BC%8E%EF%BC%8E" \(read as "\.\."\)/],
  [`${BP}..%00/x`, /read as "\.\."/],
  [`${BP}..%3fx=1`, /read as "\.\."/],
  [`${BP}..%23x`, /read as "\.\."/],
  [`${BP}...`, /dot segment "\.\.\."/],
];

const allowed = [
  `${BP}A_BusinessPartner('1%2F2')`,
  `${BP}A_BusinessPartner('a.b')`,
  `${BP}A_BusinessPartner(BusinessPartner='..')`,
  `${BP}A_BusinessPartner(BusinessPartner='%2E%2E')`,
  `${BP}A_BusinessPartner(BusinessPartner='a%2F..')`,
  `${BP}A_BusinessPartner('..%2Fx')`,
  `${BP}$batch`,
  `${BP}$metadata`,
  '/sap/opu/odata/sap/API_BUSINESS_PARTNER;v=0002/A_BusinessPartner',
  `${BP}A_BusinessPartner?$filter=BusinessPartner eq '../..\\x'`.replace(/ /g, '%20'),
  `${BP}A_BusinessPartner('x')/to_BusinessPartnerAddress?$top=1&x=..%2f..`,
  `${BP}A_Set(Amount=1.5M)`,
  `${BP}a..b/..c/d../.hidden/.well-known`,
  `${BP}50%25off/%zz/%u00/caf%C3%A9/%20..`,
  `${BP}%252F/%2525`,
  `${BP}a//b/`,
];

describe('request paths: one rule for the proxy and "Check a URL"', () => {
  it('leaves paths without ".", "%", "\\" or non-ASCII characters alone', () => {
    expect(pathProblem('/sap/opu/odata/sap/API_BUSINESS_PARTNER;v=0002/A_BusinessPartner')).toBeNull();
    expect(pathProblem('/')).toBeNull();
  });

  for (const [path, reason] of refused)
    it(`refuses ${JSON.stringify(path.slice(BP.length))} with 400`, () => {
      expect(status(path)).toBe(400);
      const admission = checkUrl(rules, `http://s4.virtual:44300${path}`, null);
      expect(admission).toMatchObject({ ok: false, decision: { stage: 'request' } });
      expect(admission.ok ? '' : admission.decision.reason).toMatch(reason);
    });

  it('lets legitimate OData paths through: keys with dots, "..", %2F; $batch; matrix parameters; queries', () => {
    for (const path of allowed) expect(status(path), path).toBe(200);
  });

  it('refuses a backslash right after the authority as a path backslash, not a bad host', () => {
    expect(checkUrl(rules, 'http://s4.virtual:44300\\..\\x', null)).toMatchObject({
      ok: false,
      status: 400,
      decision: { reason: expect.stringMatching(/^the path contains a backslash/) as unknown },
    });
  });

  it('still decides by resource afterwards: a clean path outside the exposed prefix is 403', () => {
    expect(status(`/sap/opu/${V4}`)).toBe(403);
    expect(status('/sap/opu/odata/sap/API_BUSINESS_PARTNERX')).toBe(403);
  });
});
