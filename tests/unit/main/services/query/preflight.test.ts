import { describe, expect, it } from 'vitest';
import { explainText, refusalReason } from '../../../../../src/main/services/query/preflight';
import { toCypherParameters } from '../../../../../src/main/services/query/parameters';

type Plan = {
  operatorType: string;
  identifiers: string[];
  arguments: Record<string, string>;
  children: Plan[];
};

const plan = (operatorType: string, children: Plan[] = []): Plan => ({
  operatorType,
  identifiers: [],
  arguments: {},
  children,
});

describe('read-only preflight', () => {
  it('plans the query with EXPLAIN, replacing a leading PROFILE', () => {
    expect(explainText('MATCH (n) RETURN n')).toBe('EXPLAIN MATCH (n) RETURN n');
    expect(explainText('  profile MATCH (n) RETURN n')).toBe('EXPLAIN  MATCH (n) RETURN n');
  });

  it('refuses writing plans, LOAD CSV and transaction administration', () => {
    expect(refusalReason({ queryType: 'rw', plan: plan('ProduceResults@neo4j') })).toMatch(
      /writes/,
    );
    expect(refusalReason({ queryType: 'w', plan: false })).toMatch(/writes/);
    const load = plan('ProduceResults@neo4j', [plan('LoadCSV@neo4j')]);
    expect(refusalReason({ queryType: 'r', plan: load })).toMatch(/LOAD CSV/);
    const terminate = plan('ProduceResults@neo4j', [plan('TerminateTransactions@neo4j')]);
    expect(refusalReason({ queryType: 'r', plan: terminate })).toMatch(/TERMINATE/);
  });

  it('lets reads and read-only administration through', () => {
    const read = plan('ProduceResults@neo4j', [
      plan('Expand(All)@neo4j', [plan('NodeByLabelScan@neo4j')]),
    ]);
    expect(refusalReason({ queryType: 'r', plan: read })).toBeUndefined();
    expect(refusalReason({ queryType: 's', plan: plan('ShowIndexes@neo4j') })).toBeUndefined();
  });
});

describe('query parameters', () => {
  it('sends whole numbers as integers and the rest as they are', () => {
    const params = toCypherParameters({
      n: 3,
      x: 1.5,
      list: [1, 'a'],
      map: { k: 2 },
      s: 's',
      z: null,
    });
    expect(String(params.n)).toBe('3');
    expect(params.x).toBe(1.5);
    expect((params.list as unknown[]).map(String)).toEqual(['1', 'a']);
    expect(String((params.map as { k: unknown }).k)).toBe('2');
    expect(params.s).toBe('s');
    expect(params.z).toBeNull();
  });
});
