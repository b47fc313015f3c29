/**
 * Dates are drawn relative to a fixed reference day rather than today, so that the same seed
 * gives the same data whenever it runs.
 */
import type { Rng } from './random';

const DAY_MS = 86_400_000;
const REFERENCE_DATE = Date.UTC(2025, 11, 31);
const EARLIEST = Date.UTC(2005, 0, 1);

export const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** A day between `yearsBack` years before the reference day and the reference day. */
export function pastDay(rng: Rng, yearsBack = 20): number {
  const from = Math.max(EARLIEST, REFERENCE_DATE - yearsBack * 365 * DAY_MS);
  return from + rng.int(0, Math.floor((REFERENCE_DATE - from) / DAY_MS)) * DAY_MS;
}

export const wholeYearsUntilReference = (ms: number): number =>
  Math.floor((REFERENCE_DATE - ms) / (365.25 * DAY_MS));
