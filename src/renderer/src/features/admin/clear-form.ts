/** Clearing asks for a typed phrase that names what will go, so a slip cannot delete data. */
export type ClearScope = { kind: 'all' } | { kind: 'regions'; regions: string[] };

export function confirmationPhrase(scope: ClearScope): string {
  return scope.kind === 'all' ? 'delete all' : `delete ${[...scope.regions].sort().join(' ')}`;
}

export function isConfirmed(scope: ClearScope, typed: string): boolean {
  if (scope.kind === 'regions' && scope.regions.length === 0) return false;
  return (
    typed.trim().replace(/\s+/g, ' ').toLowerCase() === confirmationPhrase(scope).toLowerCase()
  );
}

/**
 * The request for a scope, or null when a region scope names no region: that selects nothing,
 * and must never go out as a request without regions, which would delete everything.
 */
export function clearInput(scope: ClearScope): { confirm: true; regions?: string[] } | null {
  if (scope.kind === 'all') return { confirm: true };
  return scope.regions.length > 0 ? { confirm: true, regions: [...scope.regions] } : null;
}
