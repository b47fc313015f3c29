/**
 * Stopping custom Cypher over HTTP: DELETE /api/v1/graph/query/{run_id} ends the running query in
 * the database and its request answers 409 CANCELLED; an unknown id is stopped: false; a bad id
 * is refused naming run_id.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody } from '../../../src/shared/errors';
import { runningWith, until } from '../../support/transactions';
import { openHarness, type Harness } from './harness';

let h: Harness;

beforeAll(async () => {
  h = await openHarness();
});
afterAll(async () => {
  await h.close();
});

const MARK = 'range(1, 100000001)';

const running = (): Promise<number> => runningWith(h.driver, MARK);

describe('DELETE /api/v1/graph/query/{run_id}', () => {
  it('ends the running query in the database; the query answers 409 CANCELLED', async () => {
    const pending = request(h.app)
      .post('/api/v1/graph/query')
      .send({ query: `UNWIND ${MARK} AS x RETURN count(x) AS n`, run_id: 'http-stop' })
      .then((res) => res);
    await until(async () => (await running()) > 0, 20_000);
    const stop = await request(h.app).delete('/api/v1/graph/query/http-stop').expect(200);
    expect(stop.body).toEqual({ run_id: 'http-stop', stopped: true });
    const res = await pending;
    expect(res.status).toBe(409);
    expect(ErrorBody.parse(res.body).error.code).toBe('CANCELLED');
    await until(async () => (await running()) === 0, 5_000);
  });

  it('answers stopped: false for an id that is not running', async () => {
    const res = await request(h.app).delete('/api/v1/graph/query/nothing-here').expect(200);
    expect(res.body).toEqual({ run_id: 'nothing-here', stopped: false });
  });

  it('refuses an id that is not one, naming run_id', async () => {
    const res = await request(h.app).delete('/api/v1/graph/query/bad%20id').expect(400);
    expect(ErrorBody.parse(res.body).error.details?.[0]?.field).toBe('run_id');
  });
});
