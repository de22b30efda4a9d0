// startEmulator: build (or load) the organisation, then serve it on loopback.
import type { AddressInfo } from 'node:net';
import { isLoopbackHost } from '../signing/region.js';
import { ReplayCache } from './auth.js';
import type { EmulatorOptions, RunningEmulator } from './contract.js';
import { ensureDemoKeys } from './demo-keys.js';
import { FaultPlan } from './faults.js';
import { loadData, saveData } from './persistence.js';
import { RateLimiter } from './rate-limit.js';
import { seedOrganisation } from './seed.js';
import { createEmulatorServer } from './server.js';
import { DEFAULT_RENEWAL_GRACE_HOURS, Store } from './store.js';
import { TokenStore } from './tokens.js';

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host)) throw new Error(`The emulator listens on loopback only; "${host}" is not a loopback address (use 127.0.0.1)`);
  const now = options.now ?? Date.now;
  const file = options.dataFile;
  const loaded = file ? loadData(file) : undefined;
  const data = loaded ?? seedOrganisation(options.seed ?? 1, options.users ?? 24, now());
  const save = file ? () => saveData(file, data) : () => {};
  const graceHours = options.renewalGraceHours ?? DEFAULT_RENEWAL_GRACE_HOURS;
  const store = new Store(data, save, graceHours * 3_600_000);
  const demo = ensureDemoKeys(store, now());
  if (!loaded) save();
  const maxTtlDays = options.maxTtlDays ?? 365;
  const faults = new FaultPlan(options.faults, options.faultSchedule);
  const emulator = createEmulatorServer({
    store,
    now,
    settings: {
      pageSizeCap: options.pageSizeCap ?? 100,
      usersCarryCredentials: options.usersCarryCredentials ?? true,
      maxTtlDays,
      tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
    },
    replay: new ReplayCache(),
    tokens: new TokenStore(),
    faults,
    limiter: new RateLimiter(options.rateLimitPerMinute ?? 500),
    log: options.log,
  });
  await new Promise<void>((resolve, reject) => {
    emulator.server.once('error', reject);
    emulator.server.listen(options.port ?? 0, host, () => {
      emulator.server.off('error', reject);
      resolve();
    });
  });
  const { port } = emulator.server.address() as AddressInfo;
  const urlHost = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return {
    apiUrl: `http://${urlHost}:${port}`,
    port,
    admin: demo.admin,
    member: demo.member,
    adminOAuth: demo.adminOAuth,
    maxTtlDays,
    setFaultSchedule: (steps) => faults.replace(steps),
    requestCount: emulator.requestCount,
    close: emulator.close,
  };
}
