/** The region switcher's list, as data. */

export type RegionCount = { region: string; nodes: number };

/** Configured regions first, in their configured order, then regions only the data knows. */
export function switcherRegions(
  configured: readonly string[] | undefined,
  inStats: readonly RegionCount[] | undefined,
): RegionCount[] {
  const counts = new Map((inStats ?? []).map((r) => [r.region, r.nodes]));
  const names = [...new Set([...(configured ?? []), ...counts.keys()])];
  return names.map((region) => ({ region, nodes: counts.get(region) ?? 0 }));
}
