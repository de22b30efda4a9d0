import { runInteractive } from '../../components/run-interactive.js';
import { fakeContext } from './fake-service.js';
import { createMemoryPreferences } from './preferences.js';
const code = await runInteractive(fakeContext({ connection: { isDemo: true } }), { preferences: createMemoryPreferences() });
console.log('exit code', code);
