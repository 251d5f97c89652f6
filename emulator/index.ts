// The engine's one public entry. Everything else under emulator/ is internal.
export { startEmulator } from './core/engine.js';
export type { EmulatorHandle, EventListener, StartOptions } from './types.js';
export type { EngineEvent, EngineStatus, ServiceId, ServiceStatus } from '../app/events.js';
export { VERSION } from './version.js';
