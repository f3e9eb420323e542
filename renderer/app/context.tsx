import { createContext, useContext } from 'react';
import type { Repositories } from '../db/repositories';
import type { Platform } from '../platform/platform';

export interface AppServices {
  readonly repos: Repositories;
  readonly platform: Platform;
}

export const AppContext = createContext<AppServices | undefined>(undefined);

export function useApp(): AppServices {
  const ctx = useContext(AppContext);
  if (!ctx) throw new Error('AppContext missing');
  return ctx;
}
