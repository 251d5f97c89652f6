// Public types of the engine's one entry (emulator/index.ts).
import type { BindingEnv } from '../app/admin-api.js';
import type { EngineEvent, EngineEventOf, EngineEventType, EngineStatus, ServiceId } from '../app/events.js';
import type { ServicePorts, WorkspaceInput } from '../app/workspace/schema.js';
import type { systemRecordingSchema } from '../app/recording/workspace.js';
import type { z } from 'zod';

export interface StartOptions {
  /** Workspace file (JSON or YAML). Absent and no `workspace` → the built-in demo workspace. */
  workspacePath?: string;
  /** A workspace given as an object (tests, embedding); ignored when workspacePath is set. */
  workspace?: WorkspaceInput;
  /** Folder for generated state. Default: `.btp-emulator/` beside the workspace file, or the user data folder for the demo. */
  dataDir?: string;
  /** Port overrides on top of the workspace's engine.ports. */
  ports?: Partial<ServicePorts>;
  /** Every listener on port 0 (tests, parallel runs). */
  ephemeralPorts?: boolean;
  /** Overrides engine.bind for this run (a container binds 0.0.0.0); never saved to the workspace. */
  bind?: string;
  /** Overrides engine.publicHost for this run: the host every handed-out URL names; never saved. */
  publicHost?: string;
  /** Built renderer folder served by the admin listener; null disables UI serving. Default: found beside the engine. */
  uiDir?: string | null;
  /** Per-launch admin secret; random when absent. */
  adminToken?: string;
  /**
   * Recording settings per system id for this run only (`btp-emulator record|replay`): applied over the
   * workspace and validated with it, never written to the workspace file.
   */
  recordingOverrides?: RecordingOverrides;
}

/** systems[].recording as a user writes it, per system id. */
export type RecordingOverrides = Readonly<Record<string, z.input<typeof systemRecordingSchema>>>;

export type EventListener<T extends EngineEventType> = (event: EngineEventOf<T>) => void;

export interface EmulatorHandle {
  /** Base URL per running service, e.g. { admin: 'http://127.0.0.1:20000' }. */
  readonly urls: Partial<Record<ServiceId, string>>;
  readonly adminToken: string;
  readonly dataDir: string;
  readonly caCert: string | null;
  readonly workspacePath: string | null;
  /** A fresh one-time link that opens the UI and sets a session (each link works once). */
  createUiLink(): string;
  status(): EngineStatus;
  /** VCAP_SERVICES, VCAP_APPLICATION, approuter destinations and the CA bundle, for the running engine. Contains secrets. */
  bindingEnv(): BindingEnv;
  on<T extends EngineEventType>(type: T, listener: EventListener<T>): () => void;
  onAny(listener: (event: EngineEvent) => void): () => void;
  /** Graceful stop: closes every listener and open socket. Idempotent. */
  stop(): Promise<void>;
}
