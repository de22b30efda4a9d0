// The local Identity API emulator: tests, the demo and `vcreds emulator` start it from here.
export { startEmulator } from './start.js';
export { connectionHelp, DEMO_PROFILE } from './help.js';
export { DataFileError } from './persistence.js';
export type { EmulatorFaults, EmulatorFaultStep, EmulatorKey, EmulatorOptions, RunningEmulator } from './contract.js';
