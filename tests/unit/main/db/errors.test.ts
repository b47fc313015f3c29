import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { databaseError, type DatabaseTarget } from '../../../../src/main/db/errors';
import { AppError } from '../../../../src/shared/errors';

const target = (source: DatabaseTarget['source']): DatabaseTarget => ({
  uri: 'bolt://127.0.0.1:17687',
  database: 'neo4j',
  source,
});
const driverError = (code: string, message = 'driver text with secret-detail') =>
  new Neo4jError(message, code, '', '');

describe('database error mapping', () => {
  it.each([
    ['ServiceUnavailable', 'DATABASE_UNAVAILABLE'],
    ['SessionExpired', 'DATABASE_UNAVAILABLE'],
    ['Neo.ClientError.Security.Unauthorized', 'DATABASE_AUTH_FAILED'],
    ['Neo.ClientError.Security.CredentialsExpired', 'DATABASE_AUTH_FAILED'],
    ['Neo.ClientError.Security.TokenExpired', 'DATABASE_AUTH_FAILED'],
    ['Neo.ClientError.Security.AuthorizationExpired', 'DATABASE_AUTH_FAILED'],
    ['Neo.ClientError.Security.AuthenticationRateLimit', 'DATABASE_AUTH_FAILED'],
    ['Neo.ClientError.Security.Forbidden', 'DATABASE_AUTH_FAILED'],
    ['Neo.ClientError.Database.DatabaseNotFound', 'DATABASE_UNAVAILABLE'],
    ['Neo.TransientError.General.DatabaseUnavailable', 'DATABASE_UNAVAILABLE'],
    ['Neo.TransientError.Transaction.DeadlockDetected', 'DATABASE_UNAVAILABLE'],
  ])('maps %s to %s without driver text', (code, expected) => {
    for (const source of ['NEO4J_URI', 'profile', 'managed', 'other'] as const) {
      const mapped = databaseError(driverError(code), target(source));
      expect(mapped?.code).toBe(expected);
      expect(mapped?.message).toContain('bolt://127.0.0.1:17687');
      expect(mapped?.message).not.toContain('secret-detail');
    }
  });

  it("maps the driver's pool timeout, which has no code of its own", () => {
    const timeout = driverError('N/A', 'Connection acquisition timed out in 60000 ms.');
    expect(databaseError(timeout, target('NEO4J_URI'))?.code).toBe('DATABASE_UNAVAILABLE');
  });

  it('sends a user only to the credentials they set', () => {
    const refused = driverError('Neo.ClientError.Security.Unauthorized');
    const env = databaseError(refused, target('NEO4J_URI'))?.message;
    expect(env).toMatch(/NEO4J_USERNAME and NEO4J_PASSWORD/);
    const profile = databaseError(refused, target('profile'))?.message;
    expect(profile).toMatch(/connection profile/);
    expect(profile).not.toMatch(/NEO4J_/);
    // The managed database's password is generated: a refusal means another server answered.
    const managed = databaseError(refused, target('managed'))?.message;
    expect(managed).toMatch(/managed database's own credentials: it is not this app's/);
    expect(managed).not.toMatch(/NEO4J_|profile/);
  });

  it('names the database setting that applies when the database does not exist', () => {
    const missing = driverError('Neo.ClientError.Database.DatabaseNotFound');
    expect(databaseError(missing, target('NEO4J_URI'))?.message).toMatch(/NEO4J_DATABASE/);
    expect(databaseError(missing, target('profile'))?.message).toMatch(/profile's database/);
  });

  it('keeps typed errors and leaves everything else alone', () => {
    const typed = new AppError('NOT_FOUND', 'x');
    expect(databaseError(typed, target('NEO4J_URI'))).toBe(typed);
    expect(databaseError(new Error('boom'), target('NEO4J_URI'))).toBeUndefined();
    expect(
      databaseError(driverError('Neo.ClientError.Statement.SyntaxError'), target('NEO4J_URI')),
    ).toBeUndefined();
  });
});
