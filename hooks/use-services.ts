// Services through context (Shopify cli-kit): the entry builds them once, tests pass fakes.
import { createContext, useContext } from 'react';
import type { AppContext } from '../src/app-context.js';
import type { PreferencesStore } from '../src/config/preferences-types.js';

export interface Services {
  ctx: AppContext;
  preferences: PreferencesStore;
  /** Puts text on the user's clipboard (OSC 52 in the real app). */
  copy: (text: string) => void;
}

export const ServicesContext = createContext<Services | null>(null);

export function useServices(): Services {
  const s = useContext(ServicesContext);
  if (!s) throw new Error('useServices() outside <ServicesContext.Provider>');
  return s;
}
