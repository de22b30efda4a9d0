// State and keys of the one-time secret screen: reveal, copy, env snippet, save to a profile
// (asking before replacing one), and asking before leaving a secret that was neither saved nor copied.
// `release` lets go of the secret in the unsaved-secrets registry once it is safe or abandoned.
import { useState } from 'react';
import { useLatest } from './use-wizard-latest.js';
import type { Key } from 'ink';
import type { AppContext } from '../src/app-context.js';
import { listProfiles } from '../src/credentials/sources.js';
import { writeProfiles } from '../src/credentials/writer.js';
import { oauthEnvSnippet, profileNameProblem, suggestProfileName, type OneTimeSecret } from '../src/tui/wizard-secret.js';

export type SecretMode =
  | { kind: 'view' }
  | { kind: 'profile'; value: string; existing: string[]; error: string | null }
  | { kind: 'replace'; profile: string; existing: string[] }
  | { kind: 'leave' };

export interface SavedTo {
  profile: string;
  path: string;
  backupPath: string | null;
  created: boolean;
  warnings: string[];
}

function explain(err: unknown): string {
  if (err instanceof Error) {
    const hint = (err as { hint?: unknown }).hint;
    return typeof hint === 'string' && hint ? `${err.message} ${hint}` : err.message;
  }
  return String(err);
}

export function useWizardSecret(
  ctx: AppContext, secret: OneTimeSecret, copy: (text: string) => void, onDone: () => void, release: () => void,
) {
  const [mode, setMode] = useState<SecretMode>({ kind: 'view' });
  const [revealed, setRevealed] = useState(false);
  const [showEnv, setShowEnv] = useState(false);
  /** What was copied last: the secret, or the env snippet (which holds it). */
  const [copied, setCopied] = useState<false | 'secret' | 'env'>(false);
  const [saved, setSaved] = useState<SavedTo | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const path = ctx.credentialsPath;
  const latest = useLatest({ mode, saved, copied, showEnv });

  const save = (profile: string, existing: string[]) => {
    try {
      const r = writeProfiles(path, [{ profile, id: secret.id, secret: secret.secret }]);
      setSaved({ profile, path, ...r });
      release();
      setProblem(null);
      setMode({ kind: 'view' });
    } catch (err) {
      setMode({ kind: 'profile', value: profile, existing, error: `Could not save: ${explain(err)}` });
    }
  };

  const openPrompt = () => {
    let existing: string[];
    try {
      existing = listProfiles(path);
    } catch (err) {
      setProblem(`Cannot read ${path}: ${explain(err)} The secret is still here: copy it (y) instead.`);
      return;
    }
    setProblem(null);
    setMode({ kind: 'profile', value: suggestProfileName(existing, secret.ownerName, secret.staleProfiles), existing, error: null });
  };

  const leave = () => {
    if (latest.current.saved || latest.current.copied) onDone();
    else setMode({ kind: 'leave' });
  };

  const onKey = (input: string, key: Key) => {
    const { mode } = latest.current;
    switch (mode.kind) {
      case 'leave':
        if (input === 'y' || input === 'Y') {
          release();
          onDone();
        }
        else if (input === 'n' || input === 'N' || key.escape || key.return) setMode({ kind: 'view' });
        return;
      case 'replace':
        if (input === 'y' || input === 'Y') save(mode.profile, mode.existing);
        else if (input === 'n' || input === 'N' || key.escape || key.return) {
          setMode({ kind: 'profile', value: mode.profile, existing: mode.existing, error: null });
        }
        return;
      case 'profile': {
        if (key.escape) return setMode({ kind: 'view' });
        if (key.return) {
          const name = mode.value.trim();
          const bad = profileNameProblem(name);
          if (bad) return setMode({ ...mode, error: bad });
          if (mode.existing.includes(name)) return setMode({ kind: 'replace', profile: name, existing: mode.existing });
          return save(name, mode.existing);
        }
        if (key.backspace || key.delete) {
          return setMode((m) => (m.kind === 'profile' ? { ...m, value: [...m.value].slice(0, -1).join(''), error: null } : m));
        }
        if (key.ctrl && input === 'u') return setMode((m) => (m.kind === 'profile' ? { ...m, value: '', error: null } : m));
        const text = input.replace(/[\u0000-\u001f\u007f]/g, '');
        if (text && !key.ctrl && !key.meta) {
          setMode((m) => (m.kind === 'profile' ? { ...m, value: m.value + text, error: null } : m));
        }
        return;
      }
      case 'view':
        if (input === 'v') setRevealed((r) => !r);
        else if (input === 'y') {
          const env = latest.current.showEnv;
          copy(env ? oauthEnvSnippet(secret.id, secret.secret) : secret.secret);
          setCopied(env ? 'env' : 'secret');
          release();
        } else if (input === 'p' && secret.kind === 'hmac') openPrompt();
        else if (input === 'e' && secret.kind === 'oauth') setShowEnv((s) => !s);
        // Ctrl+C asks too: the app stays open until the secret is kept or knowingly left.
        else if (key.escape || key.return || input === 'q' || (key.ctrl && input === 'c')) leave();
    }
  };

  return { mode, revealed, showEnv, copied, saved, problem, onKey };
}
