// The Connectivity proxy's HTTP listener (onpremise_proxy_http_port). A plain TCP server: each
// connection speaks strict HTTP/1.1 (client-connection.ts), every request passes admission before
// any backend is contacted, and only mapped internal hosts are ever connected to.
import type net from 'node:net';
import type { EventBus } from '../core/event-bus.js';
import { createTcpListener } from '../core/listener-guard.js';
import { ClientConnection } from './client-connection.js';
import type { ProxyRuntime } from './proxy-exchange.js';

export { MAX_HEADER_BYTES } from './client-connection.js';

export function createHttpProxy(rt: ProxyRuntime, bus: EventBus): net.Server {
  const listener = { name: 'proxy', bus };
  return createTcpListener(listener, (socket) => {
    new ClientConnection(rt, socket, listener);
  });
}
