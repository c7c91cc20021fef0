import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { ensureSchema, parseConfig, serviceDataSourceOptions } from '@styrkedjan/platform';
import { pipelineDatabase } from './database/pipeline.database';
import { rebuildPipeline } from './pipeline/replay/rebuild-pipeline';

/** The read models a replay can rebuild from the event log, by the name given on the command line. */
const READ_MODELS: Record<string, (dataSource: DataSource) => Promise<{ events: number }>> = {
  pipeline: (dataSource) => rebuildPipeline(dataSource),
};

/**
 * `node dist/apps/pipeline/src/replay.js <read model>`: rebuilds a read model from event_log and prints
 * a JSON summary. A plain DataSource rather than the Nest app: a replay must neither relay nor consume,
 * only run the migrations and the rebuild.
 */
async function replay(name: string | undefined): Promise<number> {
  const rebuild = name !== undefined && Object.hasOwn(READ_MODELS, name) ? READ_MODELS[name] : undefined;
  if (!name || !rebuild) {
    console.error(`Unknown read model '${name ?? ''}'. Known read models: ${Object.keys(READ_MODELS).join(', ')}`);
    return 2;
  }
  const config = parseConfig();
  await ensureSchema(config, pipelineDatabase.schema);
  const dataSource = new DataSource(serviceDataSourceOptions(config, pipelineDatabase));
  await dataSource.initialize();
  try {
    const started = performance.now();
    const { events } = await rebuild(dataSource);
    const seconds = (performance.now() - started) / 1000;
    console.log(
      JSON.stringify({
        readModel: name,
        events,
        seconds: Number(seconds.toFixed(3)),
        eventsPerSecond: Math.round(events / seconds),
      }),
    );
    // Fresh planner statistics for the rebuilt tables; outside the timing, as it is not part of the rebuild.
    await dataSource.query('ANALYZE pipeline_needs, pipeline_supports, pipeline_support_needs, pipeline_stage_counts');
    return 0;
  } finally {
    await dataSource.destroy();
  }
}

replay(process.argv[2]).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  },
);
