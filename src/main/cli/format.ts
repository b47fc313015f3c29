/** Plain-text output helpers: aligned count tables and readable numbers. */
export const formatCount = (value: number): string => value.toLocaleString('en-US');

export const formatSeconds = (seconds: number): string => `${seconds.toFixed(1)} s`;

export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}

/** "  LABEL      1,234" lines, counts right-aligned. */
export function countTable(title: string, counts: Record<string, number>): string[] {
  const entries = Object.entries(counts);
  const width = Math.max(...entries.map(([key]) => key.length), 5);
  const numbers = entries.map(([, value]) => formatCount(value));
  const numberWidth = Math.max(...numbers.map((n) => n.length), 1);
  return [
    title,
    ...entries.map(([key], i) => `  ${key.padEnd(width)}  ${numbers[i]!.padStart(numberWidth)}`),
  ];
}
