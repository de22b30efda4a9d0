// Loading the organisation as effects-as-messages: a request starts with an AbortController and
// ends in `loaded` or `failed`; a reload keeps the old data on screen until the new one arrives.
import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { LoadProgress, Organisation } from '../src/identity/types.js';
import type { IdentityService } from '../src/identity/types.js';

export interface OrganisationState {
  organisation: Organisation | null;
  loading: boolean;
  progress: LoadProgress | null;
  error: string | null;
  /** Bumped on each successful load, so views can recompute once. */
  version: number;
}

type Msg =
  | { type: 'started' }
  | { type: 'progress'; progress: LoadProgress }
  | { type: 'loaded'; organisation: Organisation }
  | { type: 'failed'; error: string };

export function organisationReducer(s: OrganisationState, m: Msg): OrganisationState {
  switch (m.type) {
    case 'started':
      return { ...s, loading: true, progress: null, error: null };
    case 'progress':
      return { ...s, progress: m.progress };
    case 'loaded':
      return { organisation: m.organisation, loading: false, progress: null, error: null, version: s.version + 1 };
    case 'failed':
      return { ...s, loading: false, progress: null, error: m.error };
  }
}

const NOUN: Record<LoadProgress['phase'], string> = { users: 'users', credentials: 'credentials', oauth: 'OAuth clients' };

/** "Loading… 412/5000 users": what is counted, in words a person uses. */
export function progressText(p: LoadProgress | null): string {
  if (!p) return 'Loading credentials…';
  return `Loading… ${p.done}${p.total === null ? '' : `/${p.total}`} ${NOUN[p.phase]}`;
}

const PROGRESS_MS = 100;

export function useOrganisation(service: IdentityService) {
  const [state, dispatch] = useReducer(organisationReducer, { organisation: null, loading: true, progress: null, error: null, version: 0 });
  const current = useRef<AbortController | null>(null);

  const reload = useCallback(() => {
    current.current?.abort();
    const controller = new AbortController();
    current.current = controller;
    dispatch({ type: 'started' });
    // A large organisation reports progress per page, hundreds of times a second: redraw the
    // count at most every PROGRESS_MS (each frame is work and garbage while the pages arrive).
    let shownAt = 0;
    const onProgress = (progress: LoadProgress) => {
      const now = Date.now();
      if (controller.signal.aborted || (now - shownAt < PROGRESS_MS && progress.done !== progress.total)) return;
      shownAt = now;
      dispatch({ type: 'progress', progress });
    };
    service
      .loadOrganisation({ signal: controller.signal, onProgress })
      .then(
        (organisation) => !controller.signal.aborted && dispatch({ type: 'loaded', organisation }),
        (error: unknown) => !controller.signal.aborted && dispatch({ type: 'failed', error: statusMessage(error) }),
      );
  }, [service]);

  useEffect(() => {
    reload();
    return () => current.current?.abort();
  }, [reload]);

  return { ...state, reload };
}

/** An error for the one-line status: the request line ("GET /api/…: ") is noise there. */
export function statusMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^[A-Z]+ \/\S*: /, '');
}
