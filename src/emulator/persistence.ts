// The optional data file: loaded at start, rewritten atomically (temp + rename) after every change,
// readable by its owner only since it holds the HMAC secrets the server verifies with.
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { StoreData } from './store-types.js';

export class DataFileError extends Error {
  constructor(file: string, problem: string) {
    super(`Emulator data file ${file}: ${problem}. Fix it, or delete it to start from a fresh seeded organisation.`);
    this.name = 'DataFileError';
  }
}

/** The saved state, or undefined when the file does not exist yet. */
export function loadData(file: string): StoreData | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new DataFileError(file, `cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new DataFileError(file, 'is not valid JSON');
  }
  const d = data as Partial<StoreData>;
  if (!d || d.version !== 1 || !Array.isArray(d.users) || !Array.isArray(d.hmac) || !Array.isArray(d.clients) || !d.demo) {
    throw new DataFileError(file, 'is not an emulator data file (version 1)');
  }
  return d as StoreData;
}

export function saveData(file: string, data: StoreData): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(data), { mode: 0o600 });
  chmodSync(temp, 0o600);
  renameSync(temp, file);
}
