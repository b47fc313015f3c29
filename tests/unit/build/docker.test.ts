import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';

const root = resolve(import.meta.dirname, '../../..');
const read = (file: string) => readFileSync(resolve(root, file), 'utf8');

const Healthcheck = z.object({
  test: z.array(z.string()).min(2),
  interval: z.string(),
  timeout: z.string(),
  retries: z.number().int().positive(),
  start_period: z.string(),
});
const Service = z.object({
  image: z.string(),
  build: z.string().optional(),
  environment: z.record(z.string(), z.string()),
  ports: z.array(z.string()),
  volumes: z.array(z.string()),
  healthcheck: Healthcheck,
  depends_on: z.record(z.string(), z.object({ condition: z.string() })).optional(),
  restart: z.string(),
});
const Compose = z.object({
  services: z.object({ neo4j: Service, backend: Service }),
  volumes: z.record(z.string(), z.null()),
});

const compose = Compose.parse(parse(read('docker-compose.yml')));
const { neo4j, backend } = compose.services;

describe('docker-compose.yml', () => {
  it('scales out in its `scale` profile: Redis, two API replicas on neo4j://, a balancer', () => {
    const all = (parse(read('docker-compose.yml')) as { services: Record<string, unknown> })
      .services;
    const Scaled = z.object({ profiles: z.array(z.string()) });
    for (const name of ['redis', 'api-1', 'api-2', 'lb'])
      expect(Scaled.parse(all[name]).profiles, name).toEqual(['scale']);
    for (const name of ['api-1', 'api-2']) {
      const replica = Service.omit({ ports: true, volumes: true }).parse(all[name]);
      expect(replica.environment).toMatchObject({
        NEO4J_URI: 'neo4j://neo4j:7687',
        REDIS_URL: 'redis://redis:6379',
        API_HOST: '0.0.0.0',
      });
      expect(replica.environment.API_TOKEN).toMatch(/^\$\{API_TOKEN:\?/);
    }
    expect(neo4j.environment.NEO4J_server_default__advertised__address).toBe('neo4j');
    const balancer = read('packaging/nginx-scale.conf')
      .split('\n')
      .filter((line) => !line.trim().startsWith('#'))
      .join('\n');
    for (const name of ['api-1:8000', 'api-2:8000']) expect(balancer).toContain(`server ${name}`);
    expect(balancer).not.toMatch(/ip_hash|sticky|hash \$/);
    expect(balancer).toContain('proxy_buffering off');
  });

  it('runs Neo4j 5 with its data and logs on named volumes', () => {
    expect(neo4j.image).toMatch(/^neo4j:5(\.|$|-)/);
    const volumeNames = neo4j.volumes.map((v) => v.split(':')[0]);
    for (const name of volumeNames) expect(compose.volumes).toHaveProperty(name!);
    expect(neo4j.volumes.map((v) => v.split(':')[1])).toEqual(['/data', '/logs']);
  });

  it('takes every secret from the environment and commits none', () => {
    expect(neo4j.environment.NEO4J_AUTH).toBe(
      'neo4j/${NEO4J_PASSWORD:?set NEO4J_PASSWORD (8+ characters) in .env}',
    );
    expect(backend.environment.NEO4J_PASSWORD).toMatch(/^\$\{NEO4J_PASSWORD:\?/);
    expect(backend.environment.API_TOKEN).toMatch(/^\$\{API_TOKEN:\?/);
    for (const [key, value] of Object.entries({ ...neo4j.environment, ...backend.environment }))
      if (/PASSWORD|TOKEN|AUTH/.test(key)) expect(value, key).toMatch(/\$\{[A-Z0-9_]+:\?/);
  });

  it('binds the API to all interfaces inside its container and reaches Neo4j by service name', () => {
    expect(backend.build).toBe('.');
    expect(backend.environment).toMatchObject({
      NEO4J_URI: 'bolt://neo4j:7687',
      API_HOST: '0.0.0.0',
      API_PORT: '8000',
      ENVIRONMENT: 'production',
    });
    expect(backend.ports).toEqual(['${API_PUBLISHED_PORT:-8000}:8000']);
  });

  it('publishes the Neo4j ports on loopback only', () => {
    expect(neo4j.ports).toEqual(['127.0.0.1:7474:7474', '127.0.0.1:7687:7687']);
  });

  it('starts the backend once Neo4j is healthy, and checks both', () => {
    expect(backend.depends_on).toEqual({ neo4j: { condition: 'service_healthy' } });
    expect(neo4j.healthcheck.test.join(' ')).toContain('cypher-shell');
    expect(backend.healthcheck.test.join(' ')).toContain('http://127.0.0.1:8000/health');
    expect(backend.healthcheck.test.join(' ')).toContain('Bearer');
  });
});

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');
  const lines = dockerfile
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const instructions = (name: string) => lines.filter((line) => line.startsWith(`${name} `));

  it('builds in one stage and runs Node 20 in a slim one', () => {
    expect(instructions('FROM')).toEqual([
      'FROM node:20-bookworm-slim AS build',
      'FROM node:20-bookworm-slim AS runtime',
    ]);
    expect(dockerfile).toContain('npm ci');
    expect(dockerfile).toContain('npx electron-vite build');
    expect(dockerfile).toContain('npm prune --omit=dev');
    expect(instructions('COPY').filter((l) => l.includes('--from=build'))).toHaveLength(3);
  });

  it('runs the headless server as a non-root user with a health check', () => {
    const runtime = lines.slice(lines.findIndex((l) => l.endsWith('AS runtime')));
    expect(runtime.filter((l) => l.startsWith('USER '))).toEqual(['USER node']);
    expect(runtime.join('\n')).toContain('API_HOST=0.0.0.0');
    expect(instructions('HEALTHCHECK')[0]).toContain('/health');
    expect(instructions('ENTRYPOINT')).toEqual(['ENTRYPOINT ["node", "out/main/cli.js"]']);
    expect(instructions('CMD')).toEqual(['CMD ["serve"]']);
    expect(instructions('EXPOSE')).toEqual(['EXPOSE 8000']);
  });

  it('keeps secrets and build output out of the build context', () => {
    const ignored = read('.dockerignore').split('\n');
    for (const entry of ['.env', 'node_modules', 'out', '.git']) expect(ignored).toContain(entry);
  });
});
