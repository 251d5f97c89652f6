// Simulated latency per system, service and entity set: which delay a request gets is asserted from the
// injector and from the odata-request event that records it, never from the clock.
import { afterEach, describe, expect, it } from 'vitest';
import { systemSchema, type SystemConfig } from '../../../app/systems/workspace.js';
import { fixtureSystem, FIXTURES, startTestSystem, V2_ROOT, type TestSystem } from '../test-support.js';
import { FaultInjector } from './faults.js';

const system = (services: unknown[], latency?: unknown): SystemConfig =>
  systemSchema.parse({ id: 'S', services, ...(latency ? { latency } : {}) });

const service = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  name: 'SRV',
  odataVersion: 'v2',
  metadata: 'builtin:API_BUSINESS_PARTNER',
  ...extra,
});

describe('latency', () => {
  it('adds the system’s, the service’s and the entity set’s latency; other sets get no set latency', () => {
    const config = system(
      [
        service({
          latency: { distribution: 'fixed', ms: 7 },
          entitySetLatency: [
            { entitySet: 'A_BusinessPartner', distribution: 'fixed', ms: 300 },
            { entitySet: 'A_BusinessPartnerAddress', distribution: 'fixed', ms: 40 },
          ],
        }),
      ],
      { distribution: 'fixed', ms: 5 },
    );
    const faults = new FaultInjector();
    const srv = config.services[0];
    expect(faults.latencyMs(config, srv, 'A_BusinessPartner')).toBe(312);
    expect(faults.latencyMs(config, srv, 'A_BusinessPartnerAddress')).toBe(52);
    expect(faults.latencyMs(config, srv, 'A_AddressEmailAddress')).toBe(12);
    expect(faults.latencyMs(config, srv, undefined)).toBe(12);
    expect(faults.latencyMs(config, undefined, 'A_BusinessPartner')).toBe(5);
  });

  it('draws uniform and normal latencies from a seeded generator: in range and the same every run', () => {
    const config = system([
      service({
        entitySetLatency: [
          { entitySet: 'A', distribution: 'uniform', minMs: 100, maxMs: 200 },
          { entitySet: 'B', distribution: 'normal', meanMs: 50, stdDevMs: 500 },
        ],
      }),
    ]);
    const draw = (set: string): number[] => {
      const faults = new FaultInjector();
      return Array.from({ length: 50 }, () => faults.latencyMs(config, config.services[0], set));
    };
    const uniform = draw('A');
    expect(uniform.every((ms) => ms >= 100 && ms <= 200)).toBe(true);
    expect(new Set(uniform).size).toBeGreaterThan(40);
    expect(draw('A')).toEqual(uniform);
    expect(draw('B').every((ms) => ms >= 0)).toBe(true);
  });

  it('refuses two latencies for one entity set and a uniform range upside down, naming the field', () => {
    const twice = systemSchema.safeParse({
      id: 'S',
      services: [
        service({
          entitySetLatency: [
            { entitySet: 'A', distribution: 'fixed', ms: 1 },
            { entitySet: 'A', distribution: 'fixed', ms: 2 },
          ],
        }),
      ],
    });
    expect(twice.success).toBe(false);
    expect(twice.error?.issues[0]).toMatchObject({
      path: ['services', 0, 'entitySetLatency'],
      message: 'each entity set has at most one latency',
    });
    const upsideDown = systemSchema.safeParse({
      id: 'S',
      services: [
        service({ entitySetLatency: [{ entitySet: 'A', distribution: 'uniform', minMs: 9, maxMs: 1 }] }),
      ],
    });
    expect(upsideDown.error?.issues[0]).toMatchObject({
      path: ['services', 0, 'entitySetLatency', 0],
      message: 'minMs must not be greater than maxMs',
    });
  });
});

describe('latency at the front door', () => {
  let sys: TestSystem | undefined;
  afterEach(async () => {
    await sys?.stop();
    sys = undefined;
  });

  const latencies = (): (number | undefined)[] =>
    sys!.events.flatMap((e) => (e.type === 'odata-request' ? [e.latencyMs] : []));

  it('delays requests to the configured entity set (recorded in the event), and changes live', async () => {
    const input = fixtureSystem((s) => {
      const [bp] = s.services as Record<string, unknown>[];
      bp!.entitySetLatency = [{ entitySet: 'A_BusinessPartnerAddress', distribution: 'fixed', ms: 3 }];
    });
    sys = await startTestSystem(input, { baseDir: FIXTURES });
    await sys.request(`${V2_ROOT}A_BusinessPartner?$top=1`);
    await sys.request(`${V2_ROOT}A_BusinessPartnerAddress?$top=1`);
    await sys.request(`${V2_ROOT}A_BusinessPartnerAddress(BusinessPartner='1000002',AddressID='3')`);
    expect(latencies()).toEqual([undefined, 3, 3]);

    const next = systemSchema.parse(input);
    next.services[0]!.entitySetLatency = [{ entitySet: 'A_BusinessPartner', distribution: 'fixed', ms: 2 }];
    sys.server.updateBehaviour(next);
    await sys.request(`${V2_ROOT}A_BusinessPartner('1000001')/to_BusinessPartnerAddress`);
    await sys.request(`${V2_ROOT}A_BusinessPartnerAddress?$top=1`);
    expect(latencies().slice(3)).toEqual([2, undefined]);
  });
});
