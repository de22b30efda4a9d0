// exec:COMMAND — runs COMMAND through the shell with the new credential as JSON on its stdin, and
// nowhere else (not in its arguments, not in its environment: other processes can read both).
// Exit 0 means delivered. Its output is not shown (it may echo the secret); a failure quotes the
// last line of stderr with the secret removed.
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import { namesFor } from './descriptor.js';
import { conceal } from './http.js';
import { TargetError, type Payload, type TargetDriver } from './types.js';

type ExecTarget = { kind: 'exec'; command: string };

/** What the command reads on stdin. */
export function execInput(payload: Payload, names: { id: string; value: string }): string {
  return `${JSON.stringify({
    type: payload.kind,
    id: payload.id,
    secret: payload.secret,
    secretId: payload.secretId,
    expiresAt: payload.expiresAt,
    owner: payload.ownerName,
    variables: { [names.id]: payload.id, [names.value]: payload.secret },
  })}\n`;
}

export const DEFAULT_EXEC_TIMEOUT_MS = 60_000;

export const execDriver: TargetDriver<ExecTarget> = {
  deliver(payload, target, binding, ctx) {
    const input = execInput(payload, namesFor(payload.kind, binding));
    const timeoutMs = ctx.execTimeoutMs ?? DEFAULT_EXEC_TIMEOUT_MS;
    return new Promise((resolvePromise, reject) => {
      const child = spawn(target.command, { shell: true, stdio: ['pipe', 'ignore', 'pipe'], env: { ...(ctx.env as NodeJS.ProcessEnv) } });
      let stderr = '';
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 2_000).unref();
      }, timeoutMs);
      child.stderr.on('data', (d: Buffer) => {
        stderr = (stderr + d.toString('utf8')).slice(-4_000);
      });
      child.stdin.on('error', () => {
        // the command did not read its input (EPIPE): its exit code says the rest
      });
      child.on('error', (err) => {
        clearTimeout(timer);
        reject(new TargetError(`the command could not be started (${(err as NodeJS.ErrnoException).code ?? err.message})`));
      });
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        const last = conceal(stderr.trim().split(/\r?\n/).pop() ?? '', [payload.secret]).replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, 200);
        const said = last ? `: "${last}"` : '';
        if (timedOut) return reject(new TargetError(`the command did not finish within ${Math.round(timeoutMs / 1000)}s and was stopped${said}`));
        if (code === 0) return resolvePromise({ proven: false, detail: 'the command exited 0' });
        reject(new TargetError(signal ? `the command was ended by ${signal}${said}` : `the command exited ${code}${said}`));
      });
      child.stdin.end(input);
    });
  },
  async test(target, _binding, _kind, ctx) {
    // Running it would deliver: only whether its program can be found is checked.
    const program = /^\s*(?:"([^"]+)"|'([^']+)'|(\S+))/.exec(target.command);
    const name = program?.[1] ?? program?.[2] ?? program?.[3] ?? '';
    if (!name) return { ok: false, detail: 'no command' };
    if (/[=$`|;&<>()]/.test(name)) return { ok: true, detail: 'a shell command; it is run only when delivering' };
    const candidates = name.includes('/') ? [isAbsolute(name) ? name : join(process.cwd(), name)] : (ctx.env.PATH ?? '').split(delimiter).filter(Boolean).map((d) => join(d, name));
    for (const c of candidates) {
      try {
        accessSync(c, constants.X_OK);
        return { ok: true, detail: `${name} found (${c}); the command runs only when delivering` };
      } catch {
        // next
      }
    }
    // Shell built-ins and functions are not on PATH; say so rather than fail.
    return ['cat', 'true', 'echo', 'test', ':'].includes(name) ? { ok: true, detail: `${name} is a shell built-in` } : { ok: false, detail: `${name} was not found on PATH` };
  },
};
