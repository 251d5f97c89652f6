// What the UI knows about the engine, folded from the event stream. A `status` event is a full
// snapshot and replaces everything; the other events patch it.
import type { EngineEvent, EngineStatus, ServiceStatus } from '../../app/events.js';

export interface EngineView {
  /** Null until the first snapshot arrives. */
  status: EngineStatus | null;
  /** The engine announced it is shutting down; cleared by the next snapshot. */
  stopping: boolean;
}

export const INITIAL_VIEW: EngineView = { status: null, stopping: false };

export function reduceEngineEvent(view: EngineView, event: EngineEvent): EngineView {
  switch (event.type) {
    case 'status':
      return { status: event.status, stopping: false };
    case 'service-state':
      return view.status ? { ...view, status: withService(view.status, event.service) } : view;
    case 'workspace-replaced':
      return view.status ? { ...view, status: { ...view.status, workspace: event.workspace } } : view;
    case 'engine-stopping':
      return { ...view, stopping: true };
    default:
      // Logs, token and traffic events feed other views; they do not change the engine's shape.
      return view;
  }
}

function withService(status: EngineStatus, service: ServiceStatus): EngineStatus {
  const known = status.services.some((s) => s.id === service.id);
  const services = known
    ? status.services.map((s) => (s.id === service.id ? service : s))
    : [...status.services, service];
  return { ...status, services };
}
