/** The theme the shell set on <html data-theme>, followed as it changes. */
import { useSyncExternalStore } from 'react';

const read = (): 'light' | 'dark' =>
  document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}

export const useDocumentTheme = (): 'light' | 'dark' => useSyncExternalStore(subscribe, read);
