import { randomUUID } from 'node:crypto';
import { actingAs, ServiceTestbed } from '@styrkedjan/testing';
import { fillInbox, startNotificationsTestbed } from '../../../notifications.testbed';
import { MarkAllNotificationsReadCommand } from './mark-all-notifications-read.command';

/** That an organisation changes only its own inbox is the access policy's rule, refused at the gateway. */
describe('mark all notifications read (integration)', () => {
  let testbed: ServiceTestbed;
  const stockholm = randomUUID();
  const malmo = randomUUID();

  beforeAll(async () => {
    testbed = await startNotificationsTestbed();
  });

  afterAll(async () => {
    await testbed?.stop();
  });

  async function unreadIn(organisationId: string): Promise<number> {
    const { rows } = await testbed.db.query(
      'SELECT count(*)::int AS n FROM notifications WHERE organisation_id = $1 AND read_at IS NULL',
      [organisationId],
    );
    return rows[0].n;
  }

  const markAll = (organisationId: string) =>
    testbed.execute(new MarkAllNotificationsReadCommand(actingAs(organisationId, 'municipality'), organisationId));

  it('marks every unread notification of the inbox and says how many; a second call marks none', async () => {
    await fillInbox(testbed, stockholm, { unread: 3, read: 2 });
    await fillInbox(testbed, malmo, { unread: 2 });
    const { rows: earlier } = await testbed.db.query(
      'SELECT id, read_at FROM notifications WHERE organisation_id = $1 AND read_at IS NOT NULL ORDER BY id',
      [stockholm],
    );

    expect(await markAll(stockholm)).toEqual({ marked: 3 });
    expect(await unreadIn(stockholm)).toBe(0);
    expect(await unreadIn(malmo)).toBe(2);
    // Those read before keep the time they were read.
    const { rows: kept } = await testbed.db.query(
      'SELECT id, read_at FROM notifications WHERE id = ANY($1::uuid[]) ORDER BY id',
      [earlier.map((row) => row.id)],
    );
    expect(kept).toEqual(earlier);

    expect(await markAll(stockholm)).toEqual({ marked: 0 });
    expect(await testbed.outbox()).toEqual([]);
  });

  it('marks none in an inbox that is empty', async () => {
    expect(await markAll(randomUUID())).toEqual({ marked: 0 });
  });
});
