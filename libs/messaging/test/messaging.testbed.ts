import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { EventOf, EventType, PayloadOf, validateEvent, EVENT_CATALOGUE } from '@styrkedjan/contracts';
import type { ServiceDatabase } from '@styrkedjan/platform';
import { ConsumesEvent, EventConsumer } from '../src/event-consumer';
import { MessagingTables1763856000000 } from '../src/messaging-tables.migration';

/** State for the messaging specs to change: a use case's rows, and the effects consumers apply. */
class MessagingSpecTables1763856009000 implements MigrationInterface {
  name = 'MessagingSpecTables1763856009000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE TABLE widgets (id uuid PRIMARY KEY, name text NOT NULL)');
    await runner.query('CREATE TABLE effects (event_id uuid PRIMARY KEY, type text NOT NULL)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE effects');
    await runner.query('DROP TABLE widgets');
  }
}

/** A service's messaging tables and the specs' own, in the schema named after the service. */
export function messagingSpecDatabase(schema: string): ServiceDatabase {
  return { schema, entities: [], migrations: [MessagingTables1763856000000, MessagingSpecTables1763856009000] };
}

export const AREA = { code: 'health.primary-care', sector: 'health' } as const;

export function needIdentifiedPayload(organisationId: string, title = 'Tidig upptäckt'): PayloadOf<'need.identified'> {
  return {
    needId: randomUUID(),
    organisationId,
    title,
    description: '',
    areaCode: AREA.code,
    sector: AREA.sector,
    targetGroups: ['older-people'],
    note: null,
    identifiedAt: new Date().toISOString(),
  };
}

/** A valid envelope as another service's relay would deliver it. */
export function deliveredEvent<T extends EventType>(
  type: T,
  aggregate: { type: string; id: string; version: number },
  payload: PayloadOf<T>,
): EventOf<T> {
  return validateEvent({
    id: randomUUID(),
    type,
    version: EVENT_CATALOGUE[type].version,
    occurredAt: new Date().toISOString(),
    producer: 'supports',
    actor: { organisationId: randomUUID(), userId: 'user-1', method: 'jwt' },
    correlationId: randomUUID(),
    causationId: null,
    aggregate,
    payload,
  }) as EventOf<T>;
}

export function supportDrafted(supportId = randomUUID()): EventOf<'support.drafted'> {
  return deliveredEvent(
    'support.drafted',
    { type: 'support', id: supportId, version: 1 },
    {
      supportId,
      leadAgencyId: randomUUID(),
      coProducerIds: [],
      title: 'Utkast',
      summary: '',
      areaCode: AREA.code,
      sector: AREA.sector,
      answersNeeds: [],
      plannedReleaseDate: null,
      draftedAt: new Date().toISOString(),
      productType: null,
      targetGroups: [],
      audience: { organisationKinds: [], sectors: [], professions: [] },
      edition: '1.0',
    },
  );
}

export function supportPublished(supportId = randomUUID()): EventOf<'support.published'> {
  return deliveredEvent(
    'support.published',
    { type: 'support', id: supportId, version: 2 },
    {
      supportId,
      leadAgencyId: randomUUID(),
      title: 'Publicerad',
      areaCode: AREA.code,
      sector: AREA.sector,
      answersNeeds: [],
      publishedAt: new Date().toISOString(),
      productType: null,
      targetGroups: [],
      audience: { organisationKinds: [], sectors: [], professions: [] },
      edition: '1.0',
      coProducerIds: [],
      summary: '',
    },
  );
}

/**
 * The feedback service also takes support.withdrawn, and its consumer host refuses to start without a consumer for
 * every type it subscribes to: the specs that borrow its subscriptions leave that one alone.
 */
@Injectable()
@EventConsumer('support.withdrawn')
export class IgnoredWithdrawnConsumer implements ConsumesEvent<'support.withdrawn'> {
  async handle(): Promise<void> {}
}
