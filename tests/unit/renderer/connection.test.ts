import { describe, expect, it } from 'vitest';
import {
  appInfoRows,
  emptyProfileForm,
  healthRows,
  profileForm,
  redactUri,
  startupState,
  toSaveInput,
  toTestInput,
} from '../../../src/renderer/src/shell/connection/connection-model';
import type { HealthResponse } from '../../../src/shared/api';
import type { AppInfo } from '../../../src/shared/desktop';

const health: HealthResponse = {
  status: 'ok',
  version: '0.3.0',
  uptime_s: 5,
  database: {
    reachable: true,
    uri: 'neo4j+s://ada:s3cret@db.example.com:7687',
    database: 'sales',
    managed: false,
    version: '5.26.0',
    edition: 'enterprise',
    latency_ms: 3.456,
  },
  counts: { nodes: 12_345, relationships: 678 },
};

const info: AppInfo = {
  name: 'Smart Network',
  version: '0.3.0',
  platform: 'linux',
  api_url: 'http://127.0.0.1:8000',
  data_dir: '/home/ada/.local/share/smart-network',
  settings_file: '/home/ada/.local/share/smart-network/settings.json',
  log_file: null,
  database: { uri: 'bolt://127.0.0.1:17687', database: 'neo4j', managed: true, profile_id: null },
  startup_error: null,
  startup_progress: null,
};

const profile = {
  id: 'p1',
  name: 'Staging',
  uri: 'bolt://staging:7687',
  username: 'analyst',
  database: 'sales',
  protection: 'confirm' as const,
  has_password: true,
};

describe('connection panel model', () => {
  it('never shows credentials that a URI carries', () => {
    expect(redactUri('bolt://neo4j:pw@localhost:7687')).toBe('bolt://localhost:7687');
    expect(redactUri('neo4j+ssc://host:7687/x@y')).toBe('neo4j+ssc://host:7687/x@y');
    expect(redactUri('bolt://localhost:7687')).toBe('bolt://localhost:7687');
  });

  it('describes health: database, version, edition, latency, managed or not', () => {
    const rows = Object.fromEntries(healthRows(health).map((r) => [r.label, r.value]));
    expect(rows).toMatchObject({
      Status: 'Connected',
      'Database URI': 'neo4j+s://db.example.com:7687',
      Database: 'sales',
      Neo4j: '5.26.0 enterprise',
      Latency: '3.5 ms',
      Managed: 'No: an existing Neo4j',
      Data: '12,345 nodes, 678 relationships',
    });
    expect(JSON.stringify(rows)).not.toContain('s3cret');
    const down = healthRows({
      ...health,
      status: 'unavailable',
      database: {
        ...health.database,
        reachable: false,
        version: null,
        edition: null,
        latency_ms: null,
      },
      counts: null,
    });
    expect(down.map((r) => r.value)).toEqual(
      expect.arrayContaining(['Unreachable', 'unknown', '–']),
    );
    expect(down.some((r) => r.label === 'Data')).toBe(false);
  });

  it('states start-up: progress while starting, the error when it failed, the database when running', () => {
    const starting = { ...info, api_url: null, database: null };
    expect(startupState({ ...starting, startup_progress: 'Downloading Neo4j 40%' })).toEqual({
      kind: 'starting',
      text: 'Downloading Neo4j 40%',
    });
    expect(startupState(starting).kind).toBe('starting');
    expect(
      startupState({
        ...starting,
        startup_error: { code: 'DATABASE_AUTH_FAILED', message: 'Neo4j refused the password' },
      }),
    ).toEqual({ kind: 'failed', text: 'Neo4j refused the password' });
    expect(startupState(info)).toEqual({
      kind: 'running',
      text: 'Connected to bolt://127.0.0.1:17687 (neo4j), managed local database',
    });
    expect(appInfoRows(info).map((r) => r.value)).toEqual(
      expect.arrayContaining(['http://127.0.0.1:8000', '/home/ada/.local/share/smart-network']),
    );
  });

  it('turns the form into a save request: typed password replaces, blank keeps, clear removes', () => {
    const edit = profileForm(profile);
    expect(toSaveInput(edit)).toEqual({
      input: {
        id: 'p1',
        name: 'Staging',
        uri: 'bolt://staging:7687',
        username: 'analyst',
        database: 'sales',
        protection: 'confirm',
      },
    });
    expect(toSaveInput({ ...edit, password: 'new-pw' })).toMatchObject({
      input: { password: 'new-pw' },
    });
    expect(toSaveInput({ ...edit, clearPassword: true })).toMatchObject({
      input: { password: '' },
    });
    expect(toSaveInput({ ...emptyProfileForm(), name: 'Local' })).toEqual({
      input: {
        name: 'Local',
        uri: 'bolt://localhost:7687',
        username: 'neo4j',
        database: 'neo4j',
        protection: 'confirm',
      },
    });
  });

  it('names the fields a save request gets wrong', () => {
    const result = toSaveInput({ ...emptyProfileForm(), name: ' ', uri: 'http://localhost:7474' });
    expect(result).toHaveProperty('errors');
    if (!('errors' in result)) return;
    expect(Object.keys(result.errors).sort()).toEqual(['name', 'uri']);
  });

  it('tests with the typed password, or with the stored one of a saved profile', () => {
    expect(toTestInput(profileForm(profile))).toEqual({
      input: {
        uri: 'bolt://staging:7687',
        username: 'analyst',
        database: 'sales',
        profile_id: 'p1',
      },
    });
    expect(toTestInput({ ...profileForm(profile), password: 'typed' })).toMatchObject({
      input: { password: 'typed' },
    });
    expect(toTestInput({ ...emptyProfileForm(), password: '' })).toMatchObject({
      input: { password: '' },
    });
    expect(toTestInput({ ...emptyProfileForm(), uri: 'localhost' })).toHaveProperty('errors.uri');
  });
});
