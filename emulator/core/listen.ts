// Binding listeners: one place that turns EADDRINUSE and friends into errors that name the port and
// the setting to change, and that tracks sockets so stop() can close every one of them.
import type { Server, Socket } from 'node:net';
import { EmulatorError } from '../../app/errors.js';
import type { ServiceId } from '../../app/events.js';

export async function listen(
  server: Server,
  service: ServiceId,
  host: string,
  port: number,
): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      server.off('listening', onListening);
      reject(listenError(error, service, host, port));
    };
    const onListening = (): void => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen({ host, port, exclusive: true });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('listener has no TCP address');
  return address.port;
}

export function listenError(
  error: NodeJS.ErrnoException,
  service: ServiceId,
  host: string,
  port: number,
): EmulatorError {
  const setting = `engine.ports.${service} in the workspace or --port ${service}=<port>`;
  if (error.code === 'EADDRINUSE') {
    return new EmulatorError(
      'EMU_ERR_PORT_IN_USE',
      `Port ${port} for ${service} is already in use on ${host}; stop the other process, change ${setting}, or pass --ephemeral-ports to let every listener pick a free port.`,
      { cause: error },
    );
  }
  if (error.code === 'EACCES') {
    return new EmulatorError(
      'EMU_ERR_LISTEN',
      `No permission to listen on ${host}:${port} for ${service}; change ${setting}.`,
      {
        cause: error,
      },
    );
  }
  return new EmulatorError(
    'EMU_ERR_LISTEN',
    `Cannot listen on ${host}:${port} for ${service}: ${error.message}.`,
    {
      cause: error,
    },
  );
}

/** Remembers open sockets of a server so a graceful stop can end keep-alive and streaming ones too. */
export function trackSockets(server: Server): { destroyAll: () => void; count: () => number } {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  return {
    destroyAll: () => {
      for (const s of sockets) s.destroy();
    },
    count: () => sockets.size,
  };
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) {
      resolve();
      return;
    }
    server.close(() => resolve());
  });
}
