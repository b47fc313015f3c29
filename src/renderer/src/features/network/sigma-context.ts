/** The mounted sigma instance, for the render-null controllers under the network view. */
import { createContext, useContext } from 'react';
import type { SigmaInstance } from '../../state/explorer';

export const SigmaContext = createContext<SigmaInstance | null>(null);

export function useSigma(): SigmaInstance {
  const sigma = useContext(SigmaContext);
  if (!sigma) throw new Error('useSigma() is only available under <NetworkView>.');
  return sigma;
}
