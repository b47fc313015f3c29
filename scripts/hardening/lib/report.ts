/** The outcome of one proof: pass or fail, the figures it prints, what went wrong. */
export type ProofResult = {
  name: string;
  ok: boolean;
  figures: Record<string, string | number>;
  failures: string[];
};

export function printTable(results: ProofResult[]): void {
  console.log('\nReliability and security — figures');
  for (const result of results) {
    console.log(`\n${result.ok ? 'PASS' : 'FAIL'}  ${result.name}`);
    for (const [key, value] of Object.entries(result.figures))
      console.log(`      ${key}: ${value}`);
    for (const failure of result.failures.slice(0, 20)) console.log(`      ✗ ${failure}`);
  }
}
