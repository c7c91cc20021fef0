import { Query, QueryBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { EventType, OrganisationKind, PayloadOf, type AnyEvent } from '@styrkedjan/contracts';
import { ReferenceDataModule } from '@styrkedjan/reference-data';
import { ServiceTestbed } from '@styrkedjan/testing';
import { needsDatabase } from '../database/needs.database';
import { NeedsModule } from './needs.module';

export const AREA = { code: 'health.primary-care', sector: 'health' as const, name: 'Primärvård' };
export const OTHER_AREA = { code: 'social.older-care', sector: 'social' as const, name: 'Äldreomsorg' };

/**
 * The needs service's providers on a database of the spec's own, with its consumers (fed one event at a time as
 * the queue would) and the directory's vocabulary and organisations arriving as their events do.
 */
export class NeedsTestbed {
  private constructor(readonly testbed: ServiceTestbed) {}

  static async start(): Promise<NeedsTestbed> {
    const testbed = await ServiceTestbed.start({
      service: 'needs',
      database: needsDatabase,
      imports: [ReferenceDataModule.forRoot({ areas: true }), NeedsModule],
      queues: true,
    });
    const needs = new NeedsTestbed(testbed);
    await testbed.knowDirectory({ areas: [AREA, OTHER_AREA] });
    for (const [code, name] of [
      ['older-people', 'Äldre'],
      ['relatives', 'Anhöriga och närstående'],
      ['people-with-dementia', 'Personer med demenssjukdom'],
      ['pupils', 'Elever'],
    ])
      await needs.deliver(
        'target-group.defined',
        { type: 'target-group', id: code, version: 1 },
        { code, name, nameEn: null, sectors: ['health', 'social'] },
      );
    return needs;
  }

  /** An organisation of the directory as its `organisation.registered` tells it; answers its id. */
  async organisation(kind: OrganisationKind, regionId: string | null = null, id = randomUUID()): Promise<string> {
    await this.deliver(
      'organisation.registered',
      { type: 'organisation', id, version: 1 },
      {
        organisationId: id,
        code: id.slice(0, 8),
        name: `${kind} ${id.slice(0, 4)}`,
        nameEn: null,
        kind,
        regionId,
        sectors: [],
      },
    );
    return id;
  }

  /** Delivers an event from another service to the needs service's consumers, as its queue would. */
  deliver<T extends EventType>(
    type: T,
    aggregate: { type: string; id: string; version: number },
    payload: PayloadOf<T>,
  ): Promise<AnyEvent> {
    return this.testbed.deliver(type, aggregate, payload);
  }

  /** Runs a query through the query bus, as the service's controllers do. */
  query<R>(query: Query<R>): Promise<R> {
    return this.testbed.get(QueryBus).execute(query);
  }

  /** The events of one need in the outbox, oldest first. */
  async eventsOf(needId: string): Promise<AnyEvent[]> {
    return (await this.testbed.outbox()).map((row) => row.envelope).filter((e) => e.aggregate.id === needId);
  }

  /** What a refused request must leave as it was: the needs' tables and the outbox. */
  counts(): Promise<Record<string, number>> {
    return this.testbed.counts('needs', 'need_supporters', 'need_transitions', 'need_supports');
  }

  stop(): Promise<void> {
    return this.testbed.stop();
  }
}
