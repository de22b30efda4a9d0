// dotenv:PATH — the pair's two variables rewritten in place: other lines kept, one atomic write
// (a private temp file beside it, fsync, rename, fsync the folder), the file's mode kept, a
// symlink followed (the link stays), and a concurrent edit detected before the rename.
import * as fs from 'node:fs';
import { dirname, resolve } from 'node:path';
import { removeQuietly, syncDir, withFs, writeTemp } from '../credentials/atomic.js';
import { namesFor } from './descriptor.js';
import { readDotenv, rewriteDotenv } from './dotenv-text.js';
import { TargetError, type TargetDriver } from './types.js';

type DotenvTarget = { kind: 'dotenv'; path: string };

function realPath(path: string): string {
  try {
    return fs.realpathSync(path);
  } catch {
    return resolve(path);
  }
}

function codeOf(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? (err instanceof Error ? err.message : String(err));
}

export const dotenvDriver: TargetDriver<DotenvTarget> = {
  async deliver(payload, target, binding) {
    const names = namesFor(payload.kind, binding);
    const path = realPath(target.path);
    let old: Buffer | null = null;
    let mode = 0o600;
    try {
      old = fs.readFileSync(path);
      mode = fs.statSync(path).mode & 0o7777;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new TargetError(`${target.path} could not be read (${codeOf(err)})`);
    }
    const values = { [names.id]: payload.id, [names.value]: payload.secret };
    let text: string;
    try {
      text = rewriteDotenv(old ? old.toString('utf8') : '', values);
    } catch (err) {
      throw new TargetError(`${target.path} was not changed: ${err instanceof Error ? err.message : String(err)}`);
    }
    const w = withFs();
    let temp: string;
    try {
      temp = writeTemp(w, path, Buffer.from(text, 'utf8'));
    } catch (err) {
      throw new TargetError(`${target.path} could not be written (${codeOf(err)}); it was left as it was`);
    }
    try {
      fs.chmodSync(temp, mode);
      // Someone changed the file since it was read: replacing it would lose their edit.
      let now: Buffer | null = null;
      try {
        now = fs.readFileSync(path);
      } catch {
        now = null;
      }
      if (!(now === null ? old === null : old !== null && now.equals(old))) throw new TargetError(`${target.path} changed while it was being updated; it was left as the other program wrote it`);
      fs.renameSync(temp, path);
    } catch (err) {
      removeQuietly(w, temp);
      if (err instanceof TargetError) throw err;
      throw new TargetError(`${target.path} could not be replaced (${codeOf(err)}); it was left as it was`);
    }
    syncDir(w, dirname(path));
    // Proof: read back through the parser the tools use.
    const back = readDotenv(fs.readFileSync(path, 'utf8'));
    const proven = back[names.id] === payload.id && back[names.value] === payload.secret;
    return { proven, detail: proven ? `${names.id}/${names.value} rewritten and read back` : `${names.id}/${names.value} written but did not read back as written` };
  },
  async test(target) {
    const path = realPath(target.path);
    try {
      fs.accessSync(path, fs.constants.R_OK | fs.constants.W_OK);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') return { ok: false, detail: `${target.path} is not readable and writable (${codeOf(err)})` };
    }
    try {
      fs.accessSync(dirname(path), fs.constants.W_OK);
    } catch (err) {
      return { ok: false, detail: `its folder ${dirname(path)} is not writable (${codeOf(err)}): the file is replaced atomically through a temp file there` };
    }
    const exists = fs.existsSync(path);
    if (exists) {
      try {
        readDotenv(fs.readFileSync(path, 'utf8'));
      } catch (err) {
        return { ok: false, detail: `${target.path} cannot be parsed (${codeOf(err)})` };
      }
    }
    return { ok: true, detail: exists ? `${target.path} is writable` : `${target.path} does not exist yet; it will be created (0600)` };
  },
};
