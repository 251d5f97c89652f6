// The Connectivity proxy's HTTP listener (onpremise_proxy_http_port). A plain TCP server: each
// connection speaks strict HTTP/1.1 (client-connection.ts), every request passes admission before
// any backend is contacted, and only mapped internal hosts are ever connected to.
import net from 'node:net';
import { ClientConnection } from './client-connection.js';
import type { ProxyRuntime } from './proxy-exchange.js';

export { MAX_HEADER_BYTES } from './client-connection.js';

export function createHttpProxy(rt: ProxyRuntime): net.Server {
  return net.createServer({ noDelay: true }, (socket) => {
    new ClientConnection(rt, socket);
  });
}
