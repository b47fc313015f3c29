/** Hands the one client to every feature through React context. */
import { createContext, useContext } from 'react';
import type { Client } from '../../../shared/contract';

export const ClientContext = createContext<Client | null>(null);

export function useClient(): Client {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient() needs a <ClientContext.Provider> above it.');
  return client;
}
