// Injected latency and faults. Random choices use a seeded generator so a run can be reproduced;
// scripted faults count the requests each rule matched.
import type {
  FaultConfig,
  LatencyConfig,
  ODataServiceConfig,
  SystemConfig,
} from '../../../app/systems/workspace.js';
import { rng } from '../data/generate.js';

export class FaultInjector {
  private readonly counters = new Map<FaultConfig, number>();
  private readonly random = rng(20240611);

  delayMs(latency: LatencyConfig | undefined): number {
    if (!latency) return 0;
    switch (latency.distribution) {
      case 'fixed':
        return latency.ms;
      case 'uniform':
        return latency.minMs + this.random() * (latency.maxMs - latency.minMs);
      case 'normal': {
        // Box–Muller; clamped at 0 so a wide deviation never asks for negative time.
        const u = Math.max(this.random(), 1e-12);
        const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.random());
        return Math.max(0, latency.meanMs + z * latency.stdDevMs);
      }
    }
  }

  /**
   * The simulated latency of one request: the system's, the service's and the entity set's, each drawn
   * from its own distribution and added up.
   */
  latencyMs(
    system: SystemConfig,
    service: ODataServiceConfig | undefined,
    entitySet: string | undefined,
  ): number {
    const forSet =
      entitySet === undefined ? undefined : service?.entitySetLatency.find((l) => l.entitySet === entitySet);
    return this.delayMs(system.latency) + this.delayMs(service?.latency) + this.delayMs(forSet);
  }

  /** The first fault that fires for this request, if any. */
  pick(
    faults: readonly FaultConfig[],
    method: string,
    entitySet: string | undefined,
  ): FaultConfig | undefined {
    for (const fault of faults) {
      if (fault.methods && !fault.methods.includes(method as 'GET')) continue;
      if (fault.entitySet !== undefined && fault.entitySet !== entitySet) continue;
      const count = (this.counters.get(fault) ?? 0) + 1;
      this.counters.set(fault, count);
      if (fault.sequence?.includes(count)) return fault;
      if (fault.rate !== undefined && this.random() < fault.rate) return fault;
    }
    return undefined;
  }

  reset(): void {
    this.counters.clear();
  }
}

export const sleep = (ms: number): Promise<void> =>
  ms <= 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, ms));
