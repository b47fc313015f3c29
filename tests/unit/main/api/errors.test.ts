import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { errorResponse, STATUS_BY_CODE, toAppError } from '../../../../src/main/api/errors';
import { AppError, ERROR_CODES } from '../../../../src/shared/errors';

describe('API error mapping', () => {
  it('gives every error code a status', () => {
    for (const code of ERROR_CODES) expect(STATUS_BY_CODE[code]).toBeGreaterThanOrEqual(400);
    expect(STATUS_BY_CODE.BOUND_EXCEEDED).toBe(422);
    expect(STATUS_BY_CODE.WRITE_NOT_ALLOWED).toBe(403);
    expect(STATUS_BY_CODE.QUERY_TIMEOUT).toBe(504);
  });

  it('adds Retry-After to 503s and the request id to every body', () => {
    const down = errorResponse(new AppError('DATABASE_UNAVAILABLE', 'down'), 'r1');
    expect(down).toMatchObject({ status: 503, headers: { 'Retry-After': '5' } });
    expect(down.body.error).toEqual({
      code: 'DATABASE_UNAVAILABLE',
      message: 'down',
      request_id: 'r1',
    });
    const bad = errorResponse(
      new AppError('VALIDATION_ERROR', 'x', [{ field: 'a', message: 'm' }]),
      'r2',
    );
    expect(bad.headers).toEqual({});
    expect(bad.body.error.details).toEqual([{ field: 'a', message: 'm' }]);
  });

  it('hides the text of unknown errors', () => {
    expect(toAppError(new Error('secret stack detail'))).toBeUndefined();
    const { status, body } = errorResponse(undefined, 'r3');
    expect(status).toBe(500);
    expect(body.error.message).not.toContain('secret');
  });

  it('maps body-parser failures, and leaves driver errors to the one database mapping', () => {
    // Operations hand over database failures already typed (tests/unit/main/db/errors.test.ts);
    // a raw driver error reaching this point is a defect, reported as INTERNAL.
    const raw = new Neo4jError('connect ECONNREFUSED 127.0.0.1:1', 'ServiceUnavailable', '', '');
    expect(toAppError(raw)).toBeUndefined();
    expect(toAppError({ type: 'entity.too.large', status: 413 })?.code).toBe('PAYLOAD_TOO_LARGE');
    expect(toAppError({ type: 'entity.parse.failed', status: 400 })?.code).toBe('VALIDATION_ERROR');
  });
});
