// Latencies and faults that name an entity set the service does not have would never match a request.
// They are refused where the system starts, with the entry and the names it could have used; a change
// of only latencies or faults that does not check out restarts the system into the same error.
import { describe, expect, it } from 'vitest';
import type { SystemSummary } from '../../app/systems/api.js';
import { DEMO_WORKSPACE } from '../../app/workspace/demo.js';
import type { WorkspaceInput } from '../../app/workspace/schema.js';
import { adminUrl, bearer, engine } from '../test/support.js';

const service = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  name: 'BP',
  odataVersion: 'v2',
  metadata: 'builtin:API_BUSINESS_PARTNER',
  ...extra,
});

// The systems are what a user would write: the schema validates them when the engine starts.
const workspace = (system: Record<string, unknown>): WorkspaceInput => ({
  ...DEMO_WORKSPACE,
  systems: [{ id: 'S4', ...system }],
  cloudConnector: { locations: [] },
});

async function systems(handle: Awaited<ReturnType<typeof engine>>): Promise<SystemSummary[]> {
  return (await (
    await fetch(`${adminUrl(handle)}/api/systems`, { headers: bearer(handle) })
  ).json()) as SystemSummary[];
}

describe('latencies and faults name what the service has', () => {
  it('refuses an unknown entity set in entitySetLatency and in faults, naming the entry', async () => {
    const latency = await engine({
      workspace: workspace({
        services: [
          service({ entitySetLatency: [{ entitySet: 'A_BusinesPartner', distribution: 'fixed', ms: 100 }] }),
        ],
      }),
    });
    const [failed] = await systems(latency);
    expect(failed).toMatchObject({ id: 'S4', state: 'failed' });
    expect(failed!.error).toMatch(
      /^System S4, service BP: entitySetLatency\[0\] names A_BusinesPartner, which this service does not have \(it has A_BusinessPartner, A_BusinessPartnerAddress, .*CheckTaxNumber, .*\$batch\)$/,
    );

    const fault = await engine({
      workspace: workspace({
        services: [service({ faults: [{ kind: 'error', entitySet: 'Nope', rate: 1 }] })],
      }),
    });
    expect((await systems(fault))[0]!.error).toMatch(
      /^System S4, service BP: faults\[0\]\.entitySet names Nope/,
    );

    const systemWide = await engine({
      workspace: workspace({
        services: [service()],
        faults: [{ kind: 'error', entitySet: 'Nope', rate: 1 }],
      }),
    });
    expect((await systems(systemWide))[0]!.error).toBe(
      'System S4: faults[0].entitySet names Nope, which none of its OData services has',
    );
  });

  it('accepts entity sets, function imports, $batch and $metadata', async () => {
    const handle = await engine({
      workspace: workspace({
        services: [
          service({
            entitySetLatency: [
              { entitySet: 'A_BusinessPartner', distribution: 'fixed', ms: 1 },
              { entitySet: '$batch', distribution: 'fixed', ms: 1 },
            ],
            faults: [{ kind: 'error', entitySet: '$metadata', rate: 0 }],
          }),
        ],
        faults: [{ kind: 'error', entitySet: 'A_BusinessPartnerAddress', rate: 0 }],
      }),
    });
    expect((await systems(handle))[0]).toMatchObject({ state: 'running' });
  });

  it('restarts a running system into the error when a behaviour-only change names an unknown set', async () => {
    const handle = await engine({ workspace: workspace({ services: [service()] }) });
    expect((await systems(handle))[0]).toMatchObject({ state: 'running' });
    const put = (ws: unknown): Promise<Response> =>
      fetch(`${adminUrl(handle)}/api/workspace`, {
        method: 'PUT',
        headers: { ...bearer(handle), 'Content-Type': 'application/json' },
        body: JSON.stringify(ws),
      });
    const good = workspace({
      services: [
        service({ entitySetLatency: [{ entitySet: 'A_BusinessPartner', distribution: 'fixed', ms: 1 }] }),
      ],
    });
    expect((await put(good)).status).toBe(200);
    const [running] = await systems(handle);
    expect(running).toMatchObject({ state: 'running' });
    expect(
      (
        await put(
          workspace({ services: [service({ faults: [{ kind: 'error', entitySet: 'Typo', rate: 1 }] })] }),
        )
      ).status,
    ).toBe(200);
    const [failed] = await systems(handle);
    expect(failed).toMatchObject({ state: 'failed' });
    expect(failed!.error).toMatch(/faults\[0\]\.entitySet names Typo/);
  });
});
