// A local backend standing in for the app's own service behind the approuter: it records every
// request (method, path, headers) and answers with a small JSON echo. Loopback only, port 0.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
}

export interface EchoBackend {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export async function startEchoBackend(): Promise<EchoBackend> {
  const requests: RecordedRequest[] = [];
  const server = http.createServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    req.resume();
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ echo: true, method: req.method, path: req.url }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
