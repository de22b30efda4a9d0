// Which fault (if any) the next request gets: the script first, then the random rates.
import type { EmulatorFaults, EmulatorFaultStep } from './contract.js';

export class FaultPlan {
  private schedule: EmulatorFaultStep[];

  constructor(
    private readonly faults: EmulatorFaults = {},
    schedule: EmulatorFaultStep[] = [],
    private readonly random: () => number = Math.random,
  ) {
    this.schedule = [...schedule];
  }

  replace(steps: EmulatorFaultStep[]): void {
    this.schedule = [...steps];
  }

  next(): EmulatorFaultStep {
    const scripted = this.schedule.shift();
    if (scripted !== undefined) return scripted;
    const { dropRate = 0, errorRate = 0, latencyMs = 0 } = this.faults;
    if (dropRate > 0 && this.random() < dropRate) return 'drop';
    if (errorRate > 0 && this.random() < errorRate) return '503';
    return latencyMs > 0 ? { delayMs: latencyMs } : 'ok';
  }
}
