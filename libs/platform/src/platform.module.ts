import { DynamicModule, Global, Injectable, Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { parseConfig, PLATFORM_CONFIG, PlatformConfig, SERVICE_NAME, ServiceName } from './config';
import { ensureSchema, ServiceDatabase, serviceDataSourceOptions } from './database/database';
import { HealthController } from './health/health.controller';
import { Readiness } from './health/readiness';
import { ServiceAssertions } from './http/service-assertion';
import { serviceLoggerModule } from './observability/logger';
import { Metrics, MetricsController } from './observability/metrics';
import { TracesFlush } from './observability/traces-flush';

@Injectable()
class DatabaseReadiness implements OnModuleInit {
  constructor(
    private readonly readiness: Readiness,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.readiness.register('postgres', async () => {
      await this.dataSource.query('SELECT 1');
    });
  }
}

/** What every service has: validated config, its name, its logger, health and metrics endpoints and, if it keeps state, its database. */
@Global()
@Module({})
export class PlatformModule {
  /** `config` is read from the environment unless given: a test gives its own database and queue prefix. */
  static forService(
    name: ServiceName,
    database?: ServiceDatabase,
    config: PlatformConfig = parseConfig(process.env, name),
  ): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        serviceLoggerModule(),
        ...(database
          ? [
              TypeOrmModule.forRootAsync({
                useFactory: async () => {
                  await ensureSchema(config, database.schema);
                  return serviceDataSourceOptions(config, database);
                },
              }),
            ]
          : []),
      ],
      // The gateway serves its metrics as a declared route, to the platform operator only (see its admin module).
      controllers: [HealthController, ...(name === 'gateway' ? [] : [MetricsController])],
      providers: [
        { provide: PLATFORM_CONFIG, useValue: config },
        { provide: SERVICE_NAME, useValue: name },
        Readiness,
        { provide: ServiceAssertions, useValue: new ServiceAssertions(config.SERVICE_AUTH_SECRET) },
        Metrics,
        TracesFlush,
        ...(database ? [DatabaseReadiness] : []),
      ],
      exports: [PLATFORM_CONFIG, SERVICE_NAME, Readiness, Metrics, ServiceAssertions],
    };
  }
}
