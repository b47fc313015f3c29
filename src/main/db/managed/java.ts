/** Finds a Java 17+ runtime for the managed Neo4j, or explains what to do without one. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const MIN_JAVA_MAJOR = 17;

export type JavaRuntime = { command: string; major: number; version: string };

export class JavaMissingError extends Error {
  constructor(found: string) {
    super(
      `Java ${MIN_JAVA_MAJOR} or newer is needed to run the managed local Neo4j (${found}). ` +
        `Install a JDK ${MIN_JAVA_MAJOR}+ (for example Eclipse Temurin) and set JAVA_HOME, ` +
        `or point NEO4J_URI at an existing Neo4j 5 (Neo4j Desktop, Docker image neo4j:5, or Aura).`,
    );
    this.name = 'JavaMissingError';
  }
}

export function parseJavaVersion(output: string): { major: number; version: string } | undefined {
  const match = /version "([^"]+)"/.exec(output);
  if (!match?.[1]) return undefined;
  const version = match[1];
  const parts = version.split(/[.+_-]/).map(Number);
  // Java 8 and older report "1.8.0_x".
  const major = parts[0] === 1 ? (parts[1] ?? 0) : (parts[0] ?? 0);
  return { major, version };
}

export function findJava(env: NodeJS.ProcessEnv = process.env): JavaRuntime {
  const exe = process.platform === 'win32' ? 'java.exe' : 'java';
  const command = env.JAVA_HOME ? join(env.JAVA_HOME, 'bin', exe) : 'java';
  const probe = spawnSync(command, ['-version'], { encoding: 'utf8', timeout: 15_000 });
  if (probe.error) throw new JavaMissingError(`no Java found at ${command}`);
  const parsed = parseJavaVersion(`${probe.stderr}${probe.stdout}`);
  if (!parsed) throw new JavaMissingError(`could not read the version of ${command}`);
  if (parsed.major < MIN_JAVA_MAJOR)
    throw new JavaMissingError(`found Java ${parsed.version} at ${command}`);
  return { command, ...parsed };
}
