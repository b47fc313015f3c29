/**
 * Regenerates src/main/db/managed/neo4j-artifacts.json: resolves the Neo4j Community server with
 * Maven (scripts/neo4j/pom.xml) and records each jar's repository path, size and SHA-256.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

export function generateManifest(root = process.cwd()): string {
  const pom = join(root, 'scripts', 'neo4j', 'pom.xml');
  const version = /<neo4j\.version>([^<]+)</.exec(readFileSync(pom, 'utf8'))?.[1];
  if (!version) throw new Error(`No <neo4j.version> in ${pom}`);
  const out = mkdtempSync(join(tmpdir(), 'neo4j-manifest-'));
  try {
    execFileSync(
      'mvn',
      [
        '-B',
        '-q',
        '-f',
        pom,
        'dependency:copy-dependencies',
        '-Dmdep.useRepositoryLayout=true',
        `-DoutputDirectory=${out}`,
      ],
      { stdio: 'inherit' },
    );
    const artifacts = walk(out)
      .filter((file) => file.endsWith('.jar'))
      .map((file) => {
        const bytes = readFileSync(file);
        return {
          path: relative(out, file).split(sep).join('/'),
          sha256: createHash('sha256').update(bytes).digest('hex'),
          size: statSync(file).size,
        };
      })
      .sort((a, b) => a.path.localeCompare(b.path));
    const target = join(root, 'src', 'main', 'db', 'managed', 'neo4j-artifacts.json');
    const manifest = {
      neo4jVersion: version,
      repository: 'https://repo.maven.apache.org/maven2/',
      artifacts,
    };
    writeFileSync(target, `${JSON.stringify(manifest, null, 1)}\n`);
    return target;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
