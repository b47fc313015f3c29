/** Hands the one client to every feature through React context. */
import { createContext, useContext } from 'react';
import type { AppClient } from './types';

export const ClientContext = createContext<AppClient | null>(null);

export function useClient(): AppClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient() needs a <ClientContext.Provider> above it.');
  return client;
}
