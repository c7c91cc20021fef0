import 'reflect-metadata';
import { runService } from '@styrkedjan/platform';

// This service's consumers take turns on the event log's position lock, so more than a few in flight add
// no throughput: they only hold pool connections, which HTTP readers then wait for (measured: GET /pipeline
// p99 52 ms during ingest at 16, 16 ms at 4, same ingest rate). A default for this service; the
// environment still wins. Set before the app module loads: its imports read the config.
process.env.CONSUMER_CONCURRENCY ??= '4';

void import('./app.module').then(({ AppModule }) => runService(AppModule, 'pipeline'));
