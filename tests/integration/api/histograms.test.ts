/** GET /api/v1/filters/histograms over HTTP on generated data, checked against direct counts. */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HistogramsResponse, RANGE_PROPERTY_NAMES } from '../../../src/shared/api';
import { ErrorBody } from '../../../src/shared/errors';
import { testDatabase } from '../../support/db';
import { openHarness, type Harness } from './harness';

let h: Harness;
let A = '';
let B = '';

beforeAll(async () => {
  h = await openHarness();
  [A = '', B = ''] = h.regions;
  await request(h.app)
    .post('/api/v1/graph/generate')
    .send({ regions: [A], consultants_per_region: 6, seed: 11 })
    .expect(200);
}, 180_000);
afterAll(async () => {
  await h.close();
});

const scalar = async (cypher: string) => {
  const { records } = await h.driver.executeQuery(
    cypher,
    { region: A },
    { database: testDatabase().database },
  );
  return records[0]?.toObject() ?? {};
};

const histograms = async (query: string) =>
  HistogramsResponse.parse(
    (await request(h.app).get(`/api/v1/filters/histograms?${query}`).expect(200)).body,
  ).histograms;

describe('GET /api/v1/filters/histograms', () => {
  it('bins every range property; the bins count every value, within the data bounds', async () => {
    const all = await histograms(`regions=${A}&bins=8`);
    expect(all.map((x) => x.field)).toEqual(RANGE_PROPERTY_NAMES);
    const direct = {
      aum: 'MATCH (n:COMPANY {region: $region}) RETURN count(n.aum) AS n, min(n.aum) AS lo, max(n.aum) AS hi',
      performance:
        'MATCH (n:CONSULTANT {region: $region}) RETURN count(n.performance) AS n, min(n.performance) AS lo, max(n.performance) AS hi',
      influence:
        'MATCH (n:CONSULTANT {region: $region}) RETURN count(n.influence) AS n, min(n.influence) AS lo, max(n.influence) AS hi',
      fc_total_plan_assets:
        'MATCH (n:FIELD_CONSULTANT {region: $region}) RETURN count(n.fc_total_plan_assets) AS n, min(n.fc_total_plan_assets) AS lo, max(n.fc_total_plan_assets) AS hi',
      owns_value:
        'MATCH (:COMPANY {region: $region})-[o:OWNS]->(:PRODUCT) RETURN count(o.value) AS n, min(o.value) AS lo, max(o.value) AS hi',
      owns_start_date:
        'MATCH (:COMPANY {region: $region})-[o:OWNS]->(:PRODUCT) RETURN count(o.start_date) AS n, toString(min(o.start_date)) AS lo, toString(max(o.start_date)) AS hi',
      rates_date:
        'MATCH (:CONSULTANT {region: $region})-[r:RATES]->(:PRODUCT) RETURN count(r.date) AS n, toString(min(r.date)) AS lo, toString(max(r.date)) AS hi',
    };
    for (const histogram of all) {
      const expected = await scalar(direct[histogram.field]);
      expect(histogram.count, histogram.field).toBe(Number(expected.n));
      expect(histogram.count, histogram.field).toBeGreaterThan(0);
      expect(
        histogram.bins.reduce((a, b) => a + b.count, 0),
        histogram.field,
      ).toBe(histogram.count);
      if (histogram.kind === 'date') {
        expect(histogram.min).toBe(expected.lo);
        expect(histogram.max).toBe(expected.hi);
      } else {
        expect(Number(histogram.min)).toBeCloseTo(Number(expected.lo), 3);
        expect(Number(histogram.max)).toBeCloseTo(Number(expected.hi), 3);
        expect(histogram.bins).toHaveLength(8);
      }
      // Bins are contiguous and ordered.
      for (const [i, bin] of histogram.bins.entries())
        if (i > 0) expect(bin.from, histogram.field).toEqual(histogram.bins[i - 1]?.to);
    }
    // Amounts are log-scaled: each bin spans the same ratio.
    const aum = all.find((x) => x.field === 'aum');
    const [b0, b1] = aum?.bins ?? [];
    expect(Number(b0?.to) / Number(b0?.from)).toBeCloseTo(Number(b1?.to) / Number(b1?.from), 6);
  });

  it('is empty for a region without data, and refuses an unknown region or bad bins', async () => {
    const empty = await histograms(`regions=${B}`);
    for (const x of empty) expect(x).toMatchObject({ count: 0, bins: [], min: null, max: null });
    const bad = await request(h.app).get('/api/v1/filters/histograms?bins=0').expect(400);
    expect(ErrorBody.parse(bad.body).error.details?.[0]?.field).toBe('bins');
    const unknown = await request(h.app).get('/api/v1/filters/histograms?regions=ZZZ').expect(400);
    expect(ErrorBody.parse(unknown.body).error.details?.[0]?.field).toMatch(/^regions/);
  });
});
