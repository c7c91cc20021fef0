import { DynamicModule, Global, INestApplicationContext, Module, ModuleMetadata, Provider, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Command, CommandBus, CqrsModule } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  CONSUMER_NAMES,
  EVENT_CATALOGUE,
  PRODUCER_NAMES,
  produces,
  validateEvent,
  type AnyEvent,
  type EventType,
  type OrganisationKind,
  type PayloadOf,
  type Sector,
} from '@styrkedjan/contracts';
import { ConsumerHost, EventTransport, MessagingModule, UnitOfWork } from '@styrkedjan/messaging';
import {
  ActingContext,
  parseConfig,
  PlatformConfig,
  PlatformModule,
  ProblemDocument,
  ServiceDatabase,
  ServiceName,
  toProblem,
} from '@styrkedjan/platform';
import { createThrowawayDatabase, dropThrowawayDatabase } from './throwaway-database';

export interface ServiceTestbedOptions {
  service: ServiceName;
  /** The service's schema, entities and migrations: the testbed runs the migrations as the service does. */
  database: ServiceDatabase;
  /** The feature modules (and reference data) whose providers the spec drives. */
  imports?: ModuleMetadata['imports'];
  providers?: Provider[];
  /** The whole messaging module (queues, relay, consumer host); otherwise the unit of work alone, and no queue. */
  queues?: boolean;
  /** Configuration over the testbed's; SERVICE_ROLES is empty (no relay, no consumer running) unless set here. */
  env?: Record<string, string>;
}

/** The unit of work without the queues, for specs of command handlers: they only write state and outbox. */
@Global()
@Module({ providers: [UnitOfWork], exports: [UnitOfWork] })
class UnitOfWorkOnly {}

@Module({})
class TestbedRoot {}

export interface KnownArea {
  code: string;
  sector: Sector;
  name?: string;
}

export interface KnownOrganisation {
  id: string;
  kind: OrganisationKind;
  name?: string;
}

/** An outbox row as the relay reads it. */
export interface OutboxRow {
  type: string;
  envelope: AnyEvent;
  published: boolean;
}

/**
 * One service's Nest providers in the test's own process, on a database and queue prefix of its own with the
 * service's migrations run: handlers, unit of work, relay and consumers against real PostgreSQL (and Redis
 * when REDIS_URL is set, else the queues on PostgreSQL), without HTTP and without starting other processes.
 */
export class ServiceTestbed {
  private constructor(
    readonly app: INestApplicationContext,
    /** A connection of the spec's own, on the service's schema, for setting up and asserting rows. */
    readonly db: Client,
    readonly config: PlatformConfig,
    private readonly withQueues: boolean,
  ) {}

  static async start(options: ServiceTestbedOptions): Promise<ServiceTestbed> {
    const database = await createThrowawayDatabase();
    const config = parseConfig(
      {
        NODE_ENV: 'test',
        DATABASE_URL: database.url,
        DATABASE_POOL_SIZE: '5',
        REDIS_URL: process.env.REDIS_URL || undefined,
        QUEUE_PREFIX: database.queuePrefix,
        QUEUE_POOL_SIZE: '3',
        SERVICE_ROLES: '',
        OUTBOX_POLL_MS: '500',
        CONSUMER_BACKOFF_MS: '50',
        ...options.env,
      },
      options.service,
    );
    const root: DynamicModule = {
      module: TestbedRoot,
      imports: [
        PlatformModule.forService(options.service, options.database, config),
        options.queues ? MessagingModule.forService() : UnitOfWorkOnly,
        CqrsModule.forRoot(),
        ...(options.imports ?? []),
      ],
      providers: options.providers ?? [],
    };
    // A spec whose set-up fails to boot leaves its database behind, to look at.
    const app = await NestFactory.createApplicationContext(root, { logger: ['error', 'warn'], abortOnError: false });
    const db = new Client({ connectionString: database.url, options: `-c search_path=${options.database.schema}` });
    await db.connect();
    return new ServiceTestbed(app, db, config, options.queues ?? false);
  }

  get<T>(token: Type<T> | string | symbol): T {
    return this.app.get(token);
  }

  /** Runs a command through the command bus, as the service's controllers do. */
  execute<R>(command: Command<R>): Promise<R> {
    return this.app.get(CommandBus).execute(command);
  }

  /**
   * Delivers an event from another service to this service's consumers, as its queue would: validated against the
   * catalogue, from the service PRODUCERS names for its type. Needs the whole messaging module (`queues: true`).
   */
  async deliver<T extends EventType>(
    type: T,
    aggregate: { type: string; id: string; version: number },
    payload: PayloadOf<T>,
  ): Promise<AnyEvent> {
    const event = validateEvent({
      id: randomUUID(),
      type,
      version: EVENT_CATALOGUE[type].version,
      occurredAt: new Date().toISOString(),
      producer: PRODUCER_NAMES.find((producer) => produces(producer, type)) ?? 'unknown',
      actor: { organisationId: null, userId: null, method: 'system' },
      correlationId: randomUUID(),
      causationId: null,
      aggregate,
      payload,
    });
    await this.app.get(ConsumerHost).process({ data: event });
    return event;
  }

  /** The service's outbox, oldest first. */
  async outbox(): Promise<OutboxRow[]> {
    const { rows } = await this.db.query(
      'SELECT type, envelope, published_at IS NOT NULL AS published FROM outbox ORDER BY position',
    );
    return rows;
  }

  /** Row counts of these tables and of the outbox: what a refused command must leave as it was. */
  async counts(...tables: string[]): Promise<Record<string, number>> {
    const counted: Record<string, number> = {};
    for (const table of [...tables, 'outbox']) {
      counted[table] = (await this.db.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;
    }
    return counted;
  }

  /** Puts areas and organisations into the service's projection of the directory, as the directory's events do. */
  async knowDirectory(known: { areas?: KnownArea[]; organisations?: KnownOrganisation[] }): Promise<void> {
    for (const area of known.areas ?? []) {
      await this.db.query('INSERT INTO known_areas (code, sector, name, aggregate_version) VALUES ($1, $2, $3, 1)', [
        area.code,
        area.sector,
        area.name ?? area.code,
      ]);
    }
    for (const organisation of known.organisations ?? []) {
      await this.db.query(
        'INSERT INTO known_organisations (id, name, kind, aggregate_version) VALUES ($1, $2, $3, 1)',
        [organisation.id, organisation.name ?? organisation.kind, organisation.kind],
      );
    }
  }

  async stop(): Promise<void> {
    // On Redis the queues outlive the database: remove them. On PostgreSQL they go with it.
    if (this.withQueues && this.config.REDIS_URL) {
      const transport = this.app.get(EventTransport);
      await Promise.all(CONSUMER_NAMES.map((consumer) => transport.queue(consumer).obliterate({ force: true })));
    }
    await this.app.close();
    await this.db.end();
    await dropThrowawayDatabase(this.config.DATABASE_URL);
  }
}

/** A request context of a user of an organisation, as the gateway's headers would give it. */
export function actingAs(
  organisationId: string,
  organisationKind: OrganisationKind,
  idempotency?: { key: string; fingerprint?: string },
): ActingContext {
  return {
    principal: { organisationId, organisationKind, userId: `user-${organisationKind}`, method: 'jwt' },
    correlationId: `test-${Math.random().toString(36).slice(2)}`,
    idempotency: idempotency ? { key: idempotency.key, fingerprint: idempotency.fingerprint ?? 'same request' } : null,
  };
}

/**
 * The problem document a refused command answers with, as the service's HTTP edge renders it; fails when the
 * command succeeds. Asserting the rendered problem, not an error class, keeps a spec true to what clients see.
 */
export async function refusalOf(outcome: Promise<unknown>): Promise<ProblemDocument> {
  let result: unknown;
  try {
    result = await outcome;
  } catch (error) {
    return toProblem(error);
  }
  throw new Error(`expected a refusal, got ${JSON.stringify(result)}`);
}
