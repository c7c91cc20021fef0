import 'reflect-metadata';
import { runService } from '@styrkedjan/platform';

// This service's consumer takes what is waiting as one batch under the event log's position lock (see
// RecordEventConsumer), so the jobs in flight are what a batch can hold; they wait in memory, not on pool
// connections. Measured on 2 cores: ~250 events/s when each event took the lock in its own transaction,
// see the README's benchmark section for the batched figures. A default for this service; the environment
// still wins. Set before the app module loads: its imports read the config.
process.env.CONSUMER_CONCURRENCY ??= '64';

void import('./app.module').then(({ AppModule }) => runService(AppModule, 'pipeline'));
