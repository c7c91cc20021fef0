import { randomUUID } from 'node:crypto';
import {
  AnyEvent,
  EventType,
  PayloadOf,
  PRODUCER_NAMES,
  PRODUCERS,
  validateEvent,
  EVENT_CATALOGUE,
} from '@styrkedjan/contracts';
import { ConsumerHost } from '@styrkedjan/messaging';
import { ReferenceDataModule } from '@styrkedjan/reference-data';
import { ServiceTestbed } from '@styrkedjan/testing';
import { supportsDatabase } from '../database/supports.database';
import { SupportsModule } from './supports.module';

/**
 * What the supports service has learnt from the directory and the needs service before a spec drafts anything:
 * two agencies, an area, and two needs with the organisations that identified them. New ids for each spec file.
 */
export const KNOWN = {
  area: { code: 'health.primary-care', sector: 'health' as const },
  socialstyrelsen: randomUUID(),
  folkhalsomyndigheten: randomUUID(),
  needs: [1, 2].map(() => ({ needId: randomUUID(), organisationId: randomUUID() })),
};

/**
 * The supports service's handlers on a database of their own, knowing what KNOWN names; with `queues`, its consumers
 * too, for specs that feed it other services' events (see deliverTo).
 */
export async function startSupportsTestbed(options: { queues?: boolean } = {}): Promise<ServiceTestbed> {
  const testbed = await ServiceTestbed.start({
    service: 'supports',
    database: supportsDatabase,
    queues: options.queues,
    imports: [
      ReferenceDataModule.forRoot({ areas: true, organisations: true, targetGroups: true, productTypes: true }),
      SupportsModule,
    ],
  });
  await testbed.knowDirectory({
    areas: [KNOWN.area],
    organisations: [
      { id: KNOWN.socialstyrelsen, kind: 'agency' },
      { id: KNOWN.folkhalsomyndigheten, kind: 'agency' },
    ],
  });
  for (const { needId, organisationId } of KNOWN.needs) {
    await testbed.db.query('INSERT INTO known_needs (need_id, organisation_id, area_code) VALUES ($1, $2, $3)', [
      needId,
      organisationId,
      KNOWN.area.code,
    ]);
  }
  return testbed;
}

/** Delivers another service's event to the supports service's consumers, as its queue would (needs `queues`). */
export async function deliverTo<T extends EventType>(
  testbed: ServiceTestbed,
  type: T,
  aggregate: { type: string; id: string; version: number },
  payload: PayloadOf<T>,
): Promise<AnyEvent> {
  const producer = PRODUCER_NAMES.find((name) => (PRODUCERS[name] as readonly string[]).includes(type))!;
  const event = validateEvent({
    id: randomUUID(),
    type,
    version: EVENT_CATALOGUE[type].version,
    occurredAt: new Date().toISOString(),
    producer,
    actor: {
      organisationId: payload && 'leadAgencyId' in payload ? payload.leadAgencyId : null,
      userId: null,
      method: 'jwt',
    },
    correlationId: randomUUID(),
    causationId: null,
    aggregate,
    payload,
  });
  await testbed.get(ConsumerHost).process({ data: event });
  return event;
}
