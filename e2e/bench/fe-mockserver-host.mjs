// Serves one OData service with @sap-ux/fe-mockserver-core (SAP's mock engine) on 127.0.0.1:0, for
// the OData benchmark's baseline. argv: <urlPath> <metadata.xml> <mockdata folder>. Prints one JSON
// line {port, startupMs} when ready; then also measures its router in-process, without sockets, for
// the commands on stdin (see mock-http.mjs).
import FEMockserver from '@sap-ux/fe-mockserver-core';
import { createServer } from 'node:http';
import { serveMeasurements } from './mock-http.mjs';

const started = performance.now();
const [urlPath, metadataPath, mockdataPath] = process.argv.slice(2);
const Mockserver = FEMockserver.default ?? FEMockserver;
const mockserver = new Mockserver({
  services: [
    {
      urlPath: urlPath.replace(/\/$/, ''),
      metadataPath,
      mockdataPath,
      generateMockData: false,
      noETag: true,
    },
  ],
  annotations: [],
  logger: { info() {}, warn() {}, error: console.error, debug() {} },
});
await mockserver.isReady;
const router = mockserver.getRouter();
const server = createServer((req, res) =>
  router(req, res, () => {
    res.statusCode = 404;
    res.end();
  }),
);
server.listen(0, '127.0.0.1', () => {
  console.log(
    JSON.stringify({ port: server.address().port, startupMs: Math.round(performance.now() - started) }),
  );
});
serveMeasurements(router);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
