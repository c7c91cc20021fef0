import { randomUUID } from 'node:crypto';
import { actingAs, refusalOf, ServiceTestbed } from '@styrkedjan/testing';
import { startNotificationsTestbed } from '../../../notifications.testbed';
import { ReplaceSubscriptionsCommand } from './replace-subscriptions.command';

/** That an organisation manages only its own subscriptions is the access policy's rule, refused at the gateway. */
describe('replace subscriptions (integration)', () => {
  let testbed: ServiceTestbed;
  const stockholm = randomUUID();
  const AREAS = [
    { code: 'health.primary-care', sector: 'health' as const },
    { code: 'health.mental-health', sector: 'health' as const },
    { code: 'education.compulsory-school', sector: 'education' as const },
  ];

  beforeAll(async () => {
    testbed = await startNotificationsTestbed();
    await testbed.knowDirectory({ areas: AREAS, organisations: [{ id: stockholm, kind: 'municipality' }] });
  });

  afterAll(async () => {
    await testbed?.stop();
  });

  const replace = (areaCodes: string[], organisationId = stockholm) =>
    testbed.execute(
      new ReplaceSubscriptionsCommand(actingAs(organisationId, 'municipality'), organisationId, areaCodes),
    );

  async function followed(organisationId = stockholm): Promise<string[]> {
    const { rows } = await testbed.db.query(
      'SELECT area_code FROM subscriptions WHERE organisation_id = $1 ORDER BY area_code',
      [organisationId],
    );
    return rows.map((row) => row.area_code);
  }

  it('replaces the whole set, answers it sorted, and records each change as subscriptions.replaced', async () => {
    expect(await replace(['health.primary-care', 'education.compulsory-school'])).toEqual({
      organisationId: stockholm,
      areaCodes: ['education.compulsory-school', 'health.primary-care'],
    });
    const view = await replace(['health.mental-health', 'health.primary-care']);
    expect(view.areaCodes).toEqual(['health.mental-health', 'health.primary-care']);
    expect(await followed()).toEqual(view.areaCodes);
    // The same body again is the same state: idempotent by nature.
    expect(await replace(['health.primary-care', 'health.mental-health'])).toEqual(view);
    expect(await replace([])).toEqual({ organisationId: stockholm, areaCodes: [] });
    expect(await followed()).toEqual([]);
    // Three changes, three events with the whole set and the set's version; the repeated body records none.
    const events = (await testbed.outbox()).filter((row) => row.envelope.aggregate.id === stockholm);
    expect(events.map((row) => [row.type, row.envelope.aggregate, row.envelope.payload])).toEqual([
      [
        'subscriptions.replaced',
        { type: 'subscriptions', id: stockholm, version: 1 },
        {
          organisationId: stockholm,
          areaCodes: ['education.compulsory-school', 'health.primary-care'],
          replacedAt: expect.any(String),
        },
      ],
      [
        'subscriptions.replaced',
        expect.objectContaining({ version: 2 }),
        expect.objectContaining({ areaCodes: ['health.mental-health', 'health.primary-care'] }),
      ],
      ['subscriptions.replaced', expect.objectContaining({ version: 3 }), expect.objectContaining({ areaCodes: [] })],
    ]);
  });

  it('refuses unknown areas naming each, and keeps the set it had', async () => {
    await replace(['health.primary-care']);
    const refused = replace(['health.mental-health', 'health.no-such-area', 'x.y']);
    expect(await refusalOf(refused)).toMatchObject({
      status: 400,
      errors: [
        { field: 'areaCodes[1]', message: expect.stringContaining('health.no-such-area') },
        { field: 'areaCodes[2]', message: expect.stringContaining('x.y') },
      ],
    });
    expect(await followed()).toEqual(['health.primary-care']);
  });

  it('answers 404 for an organisation the directory does not have, writing nothing', async () => {
    const stranger = randomUUID();
    const before = await testbed.counts('subscriptions');
    expect(await refusalOf(replace(['health.primary-care'], stranger))).toMatchObject({ status: 404 });
    expect(await followed(stranger)).toEqual([]);
    expect(await testbed.counts('subscriptions')).toEqual(before);
  });
});
