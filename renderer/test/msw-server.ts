// One MSW server per test file (started in setup.ts). Handlers are added per test with server.use().
import { setupServer } from 'msw/node';

export const server = setupServer();
