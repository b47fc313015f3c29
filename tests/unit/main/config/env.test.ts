import { describe, expect, it } from 'vitest';
import { ConfigError, configWarnings, parseConfig } from '../../../../src/main/config/env';

describe('parseConfig', () => {
  it('applies the documented defaults', () => {
    const config = parseConfig({});
    expect(config.NEO4J_URI).toBeUndefined();
    expect(config.NEO4J_USERNAME).toBe('neo4j');
    expect(config.NEO4J_DATABASE).toBe('neo4j');
    expect(config.API_HOST).toBe('127.0.0.1');
    expect(config.API_PORT).toBe(8000);
    expect(config.MAX_CONSULTANTS_PER_REGION).toBe(50);
    expect(config.MAX_FIELD_CONSULTANTS_PER_CONSULTANT).toBe(5);
    expect(config.MAX_COMPANIES_PER_FIELD).toBe(10);
    expect(config.MAX_PRODUCTS_PER_COMPANY).toBe(8);
    expect(config.REGIONS).toEqual(['NAI', 'EMEA', 'APAC']);
    expect(config.ALLOW_WRITE_QUERIES).toBe(false);
  });

  it('reads the seed README values, including Python-style booleans and levels', () => {
    const config = parseConfig({
      NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io',
      DEBUG: 'True',
      ENVIRONMENT: 'production',
      LOG_LEVEL: 'INFO',
      NEO4J_MAX_CONNECTION_POOL_SIZE: '100',
      NEO4J_CONNECTION_ACQUISITION_TIMEOUT: '60',
      DEFAULT_REGION_SIZE: '10000',
      MAX_CONSULTANTS_PER_REGION: '200',
      REGIONS: 'NAI, EMEA',
    });
    expect(config.DEBUG).toBe(true);
    expect(config.LOG_LEVEL).toBe('info');
    expect(config.DEFAULT_REGION_SIZE).toBe(10_000);
    expect(config.REGIONS).toEqual(['NAI', 'EMEA']);
  });

  it('names the variable and the expectation on a bad value', () => {
    expect(() => parseConfig({ API_PORT: 'abc' })).toThrow(ConfigError);
    expect(() => parseConfig({ API_PORT: 'abc' })).toThrow(
      /^Invalid API_PORT="abc": expected a whole number/,
    );
    expect(() => parseConfig({ NEO4J_URI: 'http://x' })).toThrow(/NEO4J_URI/);
    expect(() => parseConfig({ ENVIRONMENT: 'staging' })).toThrow(/ENVIRONMENT/);
    expect(() => parseConfig({ MAX_COMPANIES_PER_FIELD: '0' })).toThrow(/MAX_COMPANIES_PER_FIELD/);
  });

  it('never echoes a secret in its error', () => {
    expect(() => parseConfig({ API_TOKEN: 'x', API_PORT: '99999' })).toThrow(/API_PORT/);
    try {
      parseConfig({ NEO4J_PASSWORD: 'secret', REGIONS: 'bad region' });
    } catch (error) {
      expect(String(error)).not.toContain('secret');
    }
  });
});

describe('configWarnings', () => {
  it('says that NEO4J_PASSWORD is ignored without NEO4J_URI (the managed database)', () => {
    const [warning, ...rest] = configWarnings(parseConfig({ NEO4J_PASSWORD: 'secret' }));
    expect(rest).toEqual([]);
    expect(warning).toMatch(/^NEO4J_PASSWORD is set but NEO4J_URI is not: .* is ignored/);
    expect(warning).not.toContain('secret');
  });

  it('says nothing when the password goes with a URI, or no password is set', () => {
    expect(
      configWarnings(parseConfig({ NEO4J_URI: 'bolt://db:7687', NEO4J_PASSWORD: 'secret' })),
    ).toEqual([]);
    expect(configWarnings(parseConfig({}))).toEqual([]);
    expect(configWarnings(parseConfig({ NEO4J_PASSWORD: '' }))).toEqual([]);
  });

  it('reads the preferred port of the managed database', () => {
    expect(parseConfig({}).SMART_NETWORK_NEO4J_PORT).toBeUndefined();
    expect(parseConfig({ SMART_NETWORK_NEO4J_PORT: '0' }).SMART_NETWORK_NEO4J_PORT).toBe(0);
    expect(() => parseConfig({ SMART_NETWORK_NEO4J_PORT: '70000' })).toThrow(
      /SMART_NETWORK_NEO4J_PORT/,
    );
  });
});
