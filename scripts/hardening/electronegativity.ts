/**
 * Electronegativity (Doyensec's scanner of Electron misconfigurations) over the app source. It
 * is installed on first use into a cache folder with npm, pinned. Passes when no finding is of
 * high or critical severity, except a finding the scanner cannot resolve statically and that is
 * verified here against the real value (the window's web preferences come from one function,
 * `secureWebPreferences`, which the scanner does not follow). Prints every finding.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { secureWebPreferences } from '../../src/main/window/security';
import type { ProofResult } from './lib/report';

const VERSION = '1.10.3';

type Finding = {
  check: string;
  severity: string;
  confidence: string;
  file: string;
  location: string;
};

function parseCsv(text: string): Finding[] {
  // The first five columns are simple (check, then quoted severity, confidence, file, location);
  // later ones hold free text with commas and are not needed.
  const row = /^([A-Z_]+),"([^"]*)","([^"]*)","([^"]*)","([^"]*)"/;
  return text
    .split('\n')
    .slice(1)
    .flatMap((line) => {
      const m = row.exec(line);
      if (!m) return [];
      const [, check = '', severity = '', confidence = '', file = '', location = ''] = m;
      return [
        {
          check,
          severity: severity.toLowerCase(),
          confidence: confidence.toLowerCase(),
          file,
          location,
        },
      ];
    });
}

/** Checks on web preferences, and the value each must have for the finding to be unfounded. */
const WEB_PREFERENCE_CHECKS: Record<
  string,
  [keyof ReturnType<typeof secureWebPreferences>, boolean]
> = {
  CONTEXT_ISOLATION_JS_CHECK: ['contextIsolation', true],
  SANDBOX_JS_CHECK: ['sandbox', true],
  NODE_INTEGRATION_JS_CHECK: ['nodeIntegration', false],
  WEB_SECURITY_JS_CHECK: ['webSecurity', true],
  ALLOW_POPUPS_JS_CHECK: ['webviewTag', false],
  INSECURE_CONTENT_JS_CHECK: ['allowRunningInsecureContent', false],
  EXPERIMENTAL_FEATURES_JS_CHECK: ['experimentalFeatures', false],
};

/** True when the flagged BrowserWindow takes its preferences from secureWebPreferences and the
 * value the check is about is the safe one. */
function verifiedUnfounded(repo: string, finding: Finding): boolean {
  const rule = WEB_PREFERENCE_CHECKS[finding.check];
  if (!rule) return false;
  const source = readFileSync(join(repo, 'src', finding.file), 'utf8');
  if (!/webPreferences:\s*secureWebPreferences\(/.test(source)) return false;
  const [key, safe] = rule;
  return secureWebPreferences('/preload.js')[key] === safe;
}

export function electronegativity(
  repo: string,
  cacheDir: string,
  electronVersion: string,
): ProofResult {
  const home = join(cacheDir, `electronegativity-${VERSION}`);
  const bin = join(home, 'node_modules', '.bin', 'electronegativity');
  if (!existsSync(bin)) {
    mkdirSync(home, { recursive: true });
    writeFileSync(join(home, 'package.json'), '{"private":true}');
    execFileSync(
      'npm',
      [
        'install',
        '--no-audit',
        '--no-fund',
        '--ignore-scripts',
        `@doyensec/electronegativity@${VERSION}`,
      ],
      { cwd: home, stdio: 'ignore', timeout: 300_000 },
    );
  }
  const report = join(home, 'report.csv');
  execFileSync(
    bin,
    ['-i', join(repo, 'src'), '-o', report, '-r', '-v', 'false', '-e', electronVersion],
    {
      cwd: repo,
      stdio: 'ignore',
      timeout: 300_000,
    },
  );
  const findings = parseCsv(readFileSync(report, 'utf8'));
  const failures: string[] = [];
  const bySeverity: Record<string, number> = {};
  let verified = 0;
  for (const f of findings) {
    bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1;
    const line = `${f.severity} ${f.check} (${f.confidence}) src/${f.file}:${f.location}`;
    const severe = f.severity === 'high' || f.severity === 'critical';
    if (severe && verifiedUnfounded(repo, f)) {
      verified += 1;
      console.log(`  electronegativity: ${line} — verified unfounded: the value is the safe one`);
    } else {
      console.log(`  electronegativity: ${line}`);
      if (severe) failures.push(line);
    }
  }
  return {
    name: `Electronegativity ${VERSION} (src, Electron ${electronVersion})`,
    ok: failures.length === 0,
    figures: {
      findings: findings.length,
      ...Object.fromEntries(Object.entries(bySeverity).map(([k, v]) => [`severity ${k}`, v])),
      'high verified unfounded': verified,
      'high or critical open': failures.length,
    },
    failures,
  };
}
