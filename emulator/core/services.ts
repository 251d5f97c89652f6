// The registry of the engine's listeners and their states; every change is an event.
import { SERVICE_TITLES, type ServiceId, type ServiceStatus } from '../../app/events.js';
import { now, type EventBus } from './event-bus.js';

export class ServiceRegistry {
  private readonly services = new Map<ServiceId, ServiceStatus>();

  constructor(
    private readonly bus: EventBus,
    private readonly host: string,
  ) {}

  update(id: ServiceId, patch: Partial<Omit<ServiceStatus, 'id' | 'title' | 'host'>>): ServiceStatus {
    const previous: ServiceStatus = this.services.get(id) ?? {
      id,
      title: SERVICE_TITLES[id],
      state: 'stopped',
      url: null,
      port: null,
      host: this.host,
    };
    const next: ServiceStatus = { ...previous, ...patch };
    if (patch.state !== undefined && patch.state !== 'failed') delete next.error;
    this.services.set(id, next);
    this.bus.emit({ type: 'service-state', at: now(), service: next });
    return next;
  }

  list(): ServiceStatus[] {
    return [...this.services.values()];
  }

  urls(): Partial<Record<ServiceId, string>> {
    const urls: Partial<Record<ServiceId, string>> = {};
    for (const s of this.services.values()) if (s.url && s.state === 'running') urls[s.id] = s.url;
    return urls;
  }
}
