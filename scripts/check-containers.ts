/**
 * `npm run check:containers`: checks docker/ as far as a machine without a Docker engine can.
 *
 * 1. docker/compose.yml against the Compose Specification and against what the system needs, the manifest's
 *    services among it (containers/compose.ts).
 * 2. docker/Dockerfile built without an engine, every stage a directory of a temporary build (containers/dockerfile.ts),
 *    then its runtime stage checked and used as the image would be (containers/image.ts).
 *
 * `--static` does only part 1 (no install, no database). CHECK_DATABASE_URL and CHECK_REDIS_URL name the
 * PostgreSQL (a user that may create databases) and Redis to use; the local ones by default.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkCompose } from './containers/compose';
import { buildDockerfile } from './containers/dockerfile';
import { Findings, step } from './containers/findings';
import { checkImage, checkRuntimeTree, smokeTest } from './containers/image';

const REPOSITORY = join(__dirname, '..', '..');

async function main(): Promise<void> {
  const started = Date.now();
  const findings = new Findings();
  const dockerfile = checkCompose(join(REPOSITORY, 'docker'), findings);
  if (!process.argv.includes('--static')) {
    const work = mkdtempSync(join(tmpdir(), 'styrkedjan-image-'));
    // mkdtemp's directory is private; the image's commands run as an unprivileged user when this runs as root.
    chmodSync(work, 0o755);
    try {
      step('docker/Dockerfile, instruction by instruction, in a temporary build');
      const { stages, runtime } = buildDockerfile(REPOSITORY, dockerfile, work);
      checkImage(stages, runtime, findings);
      checkRuntimeTree(REPOSITORY, runtime, findings);
      await smokeTest(runtime, findings);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  const { problems } = findings;
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  console.log(
    `\n${problems.length ? `${problems.length} problem(s):\n  ${problems.join('\n  ')}` : 'containers: all checks passed'} (${seconds} s)`,
  );
  process.exitCode = problems.length ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
