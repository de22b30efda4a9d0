// A short message on the status line ("Copied…", "read-only") that clears itself.
import { useCallback, useEffect, useState } from 'react';

export function useFlash(ms = 3000): [string | null, (message: string | null) => void] {
  const [flash, setFlash] = useState<string | null>(null);
  useEffect(() => {
    if (!flash) return;
    const t = setTimeout(() => setFlash(null), ms);
    return () => clearTimeout(t);
  }, [flash, ms]);
  return [flash, useCallback((m: string | null) => setFlash(m), [])];
}
