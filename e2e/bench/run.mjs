// `npm run bench`: every benchmark, each a ratio against a baseline measured in the same run.
// Exits non-zero when a target is missed, so a regression fails loudly.
import { benchEdmxImport } from './edmx-import.mjs';
import { benchOData } from './odata.mjs';
import { benchProxy } from './proxy.mjs';
import { benchReplay } from './replay.mjs';
import { benchStartSpeed } from './start-speed.mjs';
import { benchTokens } from './xsuaa-token.mjs';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
// Start speed first: it compares short process runs, which the other benches' leftovers disturb most.
const results = [await benchStartSpeed()];
results.push(await benchTokens({ seconds }), await benchProxy({ seconds }), await benchOData());
results.push(await benchReplay({ seconds }));
results.push(await benchEdmxImport());
const failed = results.filter((r) => !r.ok);
console.log(`\nbenchmarks: ${results.length - failed.length} passed, ${failed.length} failed`);
process.exitCode = failed.length > 0 ? 1 : 0;
