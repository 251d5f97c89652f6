// Our simulated system in-process, for the OData benchmark's table without sockets: the system's
// front door (authentication, sap-client, faults, CSRF, dispatch, serialisation, event) is driven with
// the in-memory requests of mock-http.mjs. The bench bundles this file with esbuild (it imports the
// engine's TypeScript sources) and runs it in its own process.
// argv: <metadata.xml> <files JSON {set: path}>. Prints {"ready": true, "loadMs": n} once the data is loaded.
import { systemSchema } from '../../app/systems/workspace.ts';
import { EventBus } from '../../emulator/core/event-bus.ts';
import { SystemServer } from '../../emulator/systems/http/system-server.ts';
import { loadService } from '../../emulator/systems/system-loader.ts';
import { inject, serveMeasurements } from './mock-http.mjs';

const [metadata, filesJson, servicePath] = process.argv.slice(2);
const config = systemSchema.parse({
  id: 'BENCH',
  services: [
    {
      name: 'API_BUSINESS_PARTNER',
      odataVersion: 'v2',
      metadata,
      data: { files: JSON.parse(filesJson) },
    },
  ],
});
const started = performance.now();
const services = [];
for (const service of config.services)
  services.push(await loadService(config, service, { baseDir: null, dataDir: undefined }));
const bus = new EventBus();
bus.onAny(() => undefined); // a subscriber, as the engine always has one
const server = new SystemServer(config, services, undefined, {
  host: '127.0.0.1',
  caCertPem: '',
  bus,
  log: (level, message) => process.stderr.write(`[${level}] ${message}\n`),
});
const handler = (req, res) => server.handle(req, res);
const first = await inject(handler, `${servicePath}A_BusinessPartner?$top=1`); // loads the data
if (first.status !== 200) throw new Error(`the in-process system answered ${first.status}: ${first.body}`);
process.stdout.write(`${JSON.stringify({ ready: true, loadMs: performance.now() - started })}\n`);
serveMeasurements(handler);
