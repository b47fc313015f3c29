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

export function clearInput(scope: ClearScope): { confirm: true; regions?: string[] } {
  return scope.kind === 'all' ? { confirm: true } : { confirm: true, regions: [...scope.regions] };
}
