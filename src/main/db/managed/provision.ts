/**
 * Downloads the pinned Neo4j Community artifacts into the user's cache folder, verifying each
 * file's SHA-256. A complete install is marked, so later starts download nothing.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { ArtifactManifest } from './artifacts';

export type ProvisionProgress = {
  files: number;
  totalFiles: number;
  bytes: number;
  totalBytes: number;
};

export type ProvisionResult = { libDir: string; downloaded: boolean; seconds: number };

const MARKER = '.complete';

function libDirFor(cacheDir: string, manifest: ArtifactManifest): string {
  return join(cacheDir, 'neo4j', manifest.neo4jVersion, 'lib');
}

function isProvisioned(cacheDir: string, manifest: ArtifactManifest): boolean {
  return existsSync(join(libDirFor(cacheDir, manifest), MARKER));
}

async function fetchVerified(url: string, sha256: string, attempts = 3): Promise<Buffer> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(120_000) });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const bytes = Buffer.from(await response.arrayBuffer());
      const actual = createHash('sha256').update(bytes).digest('hex');
      if (actual !== sha256) throw new Error(`checksum mismatch (got ${actual})`);
      return bytes;
    } catch (error) {
      lastError = error;
    }
  }
  const reason = lastError instanceof Error ? lastError.message : String(lastError);
  throw new Error(`Could not download ${url}: ${reason}`);
}

export async function provisionNeo4j(
  cacheDir: string,
  manifest: ArtifactManifest,
  onProgress?: (progress: ProvisionProgress) => void,
  concurrency = 8,
): Promise<ProvisionResult> {
  const started = performance.now();
  const libDir = libDirFor(cacheDir, manifest);
  if (isProvisioned(cacheDir, manifest)) return { libDir, downloaded: false, seconds: 0 };

  const staging = `${libDir}.partial`;
  await mkdir(staging, { recursive: true });
  const totalBytes = manifest.artifacts.reduce((sum, a) => sum + a.size, 0);
  const progress: ProvisionProgress = {
    files: 0,
    totalFiles: manifest.artifacts.length,
    bytes: 0,
    totalBytes,
  };
  const queue = [...manifest.artifacts];
  const worker = async (): Promise<void> => {
    for (let artifact = queue.shift(); artifact; artifact = queue.shift()) {
      const target = join(staging, basename(artifact.path));
      const cached = existsSync(target)
        ? createHash('sha256')
            .update(await readFile(target))
            .digest('hex') === artifact.sha256
        : false;
      if (!cached) {
        const bytes = await fetchVerified(
          new URL(artifact.path, manifest.repository).href,
          artifact.sha256,
        );
        await writeFile(target, bytes);
      }
      progress.files += 1;
      progress.bytes += artifact.size;
      onProgress?.({ ...progress });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  await writeFile(join(staging, MARKER), `${manifest.neo4jVersion}\n`);
  await rm(libDir, { recursive: true, force: true });
  await rename(staging, libDir);
  return { libDir, downloaded: true, seconds: (performance.now() - started) / 1000 };
}
