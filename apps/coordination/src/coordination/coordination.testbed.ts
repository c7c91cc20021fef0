import { Query, QueryBus } from '@nestjs/cqrs';
import type { AnyEvent, EventType, PayloadOf } from '@styrkedjan/contracts';
import { ReferenceDataModule } from '@styrkedjan/reference-data';
import { ServiceTestbed } from '@styrkedjan/testing';
import { coordinationDatabase } from '../database/coordination.database';
import { CoordinationModule } from './coordination.module';

/** The coordination service's providers on a database of the spec's own, fed events one at a time as its queue would. */
export class CoordinationTestbed {
  private constructor(readonly testbed: ServiceTestbed) {}

  static async start(env: Record<string, string> = {}): Promise<CoordinationTestbed> {
    const testbed = await ServiceTestbed.start({
      service: 'coordination',
      database: coordinationDatabase,
      imports: [ReferenceDataModule.forRoot({ areas: true, organisations: true }), CoordinationModule],
      queues: true,
      env,
    });
    return new CoordinationTestbed(testbed);
  }

  /** Delivers an event from another service to the coordination service's consumers. */
  deliver<T extends EventType>(
    type: T,
    aggregate: { type: string; id: string; version: number },
    payload: PayloadOf<T>,
  ): Promise<AnyEvent> {
    return this.testbed.deliver(type, aggregate, payload);
  }

  query<R>(query: Query<R>): Promise<R> {
    return this.testbed.get(QueryBus).execute(query);
  }

  stop(): Promise<void> {
    return this.testbed.stop();
  }
}
