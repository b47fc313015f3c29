/** The Cypher builders: text depends only on the mode and which fields are set, never on values. */
import { describe, expect, it } from 'vitest';
import { filterGraphQuery } from '../../../../../src/main/db/cypher/filter';
import { labelDepths, edgePredicate } from '../../../../../src/main/db/cypher/modes';
import { pathsSubquery } from '../../../../../src/main/db/cypher/paths';
import { regionNodesQuery } from '../../../../../src/main/db/cypher/region';
import { neighbourPageQuery } from '../../../../../src/main/db/cypher/explore';

describe('Cypher builders', () => {
  it('places labels at their depth in the hierarchy', () => {
    expect(labelDepths('standard')).toEqual([0, 1, 2, 3]);
    expect(labelDepths('standard', ['PRODUCT', 'CONSULTANT', 'INCUMBENT_PRODUCT'])).toEqual([0, 3]);
    expect(labelDepths('recommendations', ['PRODUCT'])).toEqual([2]);
  });

  it('matches only the relationships of the mode', () => {
    expect(edgePredicate('recommendations')).toBe(
      '(a:COMPANY AND r:OWNS AND b:INCUMBENT_PRODUCT) OR (a:INCUMBENT_PRODUCT AND r:BI_RECOMMENDS AND b:PRODUCT)',
    );
  });

  it('uses parameters for every filter value', () => {
    const query = pathsSubquery('standard', ['regions', 'mandate_statuses', 'ratings']);
    expect(query).toContain('c.region IN $regions AND f.region IN $regions');
    expect(query).toContain('o.mandate_status IN $mandate_statuses');
    // A ratings filter requires the rating; without one it is optional.
    expect(query).toContain('MATCH (c)-[r:RATES]->(p) WHERE r.rating IN $ratings');
    expect(pathsSubquery('standard', [])).toContain('OPTIONAL MATCH (c)-[r:RATES]->(p)');
  });

  it('drops direct coverage when a filter needs a field consultant', () => {
    expect(pathsSubquery('standard', ['regions'])).toContain('UNION ALL');
    expect(pathsSubquery('standard', ['field_consultant_ids'])).not.toContain('UNION ALL');
    expect(pathsSubquery('standard', ['fc_total_plan_assets_max'])).not.toContain('UNION ALL');
  });

  it('builds the same text for the same fields', () => {
    expect(filterGraphQuery('standard', ['regions'])).toBe(
      filterGraphQuery('standard', ['regions']),
    );
    expect(regionNodesQuery('recommendations')).toContain('MATCH (n:INCUMBENT_PRODUCT)');
    expect(neighbourPageQuery('COMPANY', ['OWNS', 'COVERS'])).toContain('-[r:OWNS|COVERS]-');
    expect(neighbourPageQuery('COMPANY')).toContain('-[r]-');
  });
});
