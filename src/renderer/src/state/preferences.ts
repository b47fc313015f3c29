/** Per-user preferences kept in the browser's storage (theme, draw guard). */
export type Theme = 'light' | 'dark';

const THEME_KEY = 'smart-network.theme';
const MAX_DRAW_KEY = 'smart-network.maxDrawNodes';

export function loadTheme(): Theme {
  const saved = localStorage.getItem(THEME_KEY);
  if (saved === 'light' || saved === 'dark') return saved;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function saveTheme(theme: Theme): void {
  localStorage.setItem(THEME_KEY, theme);
}

/** The analyst's own draw limit, if one was set (otherwise the measured one applies). */
export function loadMaxDrawNodes(): number | null {
  const n = Number(localStorage.getItem(MAX_DRAW_KEY));
  return Number.isInteger(n) && n > 0 ? n : null;
}

export function clearMaxDrawNodes(): void {
  localStorage.removeItem(MAX_DRAW_KEY);
}

export function saveMaxDrawNodes(n: number): void {
  localStorage.setItem(MAX_DRAW_KEY, String(n));
}
