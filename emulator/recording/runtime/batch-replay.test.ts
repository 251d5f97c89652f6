// A replayed multipart $batch answers with the status its OData version gives a batch: 200 for V4,
// 202 for V2, whatever the parts came from.
import { describe, expect, it } from 'vitest';
import { DEMO_SYSTEM, startTestSystem, V2_ROOT, V4_ROOT } from '../../systems/test-support.js';
import { onCleanup } from '../../test/support.js';
import { batchAnswers, batchBody, freshBoundary, httpPart, startBed } from './test-support.js';

describe('multipart $batch replay', () => {
  it('answers 200 for a V4 batch and 202 for a V2 batch, as the simulated services do', async () => {
    const real = await startTestSystem({ ...DEMO_SYSTEM, id: 'REAL' });
    onCleanup(() => real.stop());
    const bed = await startBed({ mode: 'record', live: { url: real.url }, session: 'statuses' });
    const reads = [
      [V4_ROOT, "SalesOrder('1000001')?$select=SalesOrder"],
      [V2_ROOT, "A_BusinessPartner('1000001')?$select=LastName"],
    ] as const;
    const batch = async (root: string, read: string): Promise<{ status: number; parts: number[] }> => {
      const boundary = freshBoundary('batch');
      const fetched = await bed.request(root, { method: 'HEAD', headers: { 'x-csrf-token': 'Fetch' } });
      const cookie = (fetched.headers.get('set-cookie') ?? '').split(';')[0]!;
      const r = await bed.request(`${root}$batch`, {
        method: 'POST',
        headers: {
          'x-csrf-token': fetched.headers.get('x-csrf-token')!,
          ...(cookie ? { cookie } : {}),
          'content-type': `multipart/mixed; boundary=${boundary}`,
        },
        body: batchBody(boundary, [httpPart(`GET ${read} HTTP/1.1\r\nAccept: application/json\r\n`)]),
      });
      return { status: r.status, parts: batchAnswers(await r.text()).map((a) => a.status) };
    };
    const recorded = [];
    for (const [root, read] of reads) recorded.push(await batch(root, read));
    expect(recorded).toEqual([
      { status: 200, parts: [200] },
      { status: 202, parts: [200] },
    ]);
    await real.stop();
    await bed.setRecording({ mode: 'replay', replay: { sessions: ['statuses'] } });
    const replayed = [];
    for (const [root, read] of reads) replayed.push(await batch(root, read));
    expect(replayed).toEqual(recorded);
  });
});
