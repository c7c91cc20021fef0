import { randomUUID } from 'node:crypto';
import { actingAs, refusalOf, ServiceTestbed } from '@styrkedjan/testing';
import { fillInbox, startNotificationsTestbed } from '../../../notifications.testbed';
import { MarkNotificationReadCommand } from './mark-notification-read.command';

/** That an organisation reads only its own inbox is the access policy's rule, refused at the gateway. */
describe('mark notification read (integration)', () => {
  let testbed: ServiceTestbed;
  const stockholm = randomUUID();
  const malmo = randomUUID();

  beforeAll(async () => {
    testbed = await startNotificationsTestbed();
  });

  afterAll(async () => {
    await testbed?.stop();
  });

  const notification = async (organisationId: string): Promise<string> =>
    (await fillInbox(testbed, organisationId, { unread: 1 }))[0];

  const readAt = async (id: string): Promise<Date | null | undefined> =>
    (await testbed.db.query('SELECT read_at FROM notifications WHERE id = $1', [id])).rows[0]?.read_at;

  const markRead = (organisationId: string, notificationId: string) =>
    testbed.execute(
      new MarkNotificationReadCommand(actingAs(organisationId, 'municipality'), organisationId, notificationId),
    );

  it('marks the notification read, and a second time keeps the first time, recording no event', async () => {
    const id = await notification(stockholm);
    const other = await notification(stockholm);
    const first = await markRead(stockholm, id);

    expect(first).toMatchObject({ id, organisationId: stockholm, readAt: expect.any(String) });
    expect(await readAt(id)).toEqual(new Date(first.readAt!));
    expect(await readAt(other)).toBeNull();
    expect(await markRead(stockholm, id)).toEqual(first);
    expect(await testbed.outbox()).toEqual([]);
  });

  it.each([
    ['in another inbox', async () => notification(malmo)],
    ['that does not exist', async () => randomUUID()],
  ])('answers 404 for a notification %s, marking nothing', async (_, made) => {
    const id = await made();
    const before = await testbed.counts('notifications');
    expect(await refusalOf(markRead(stockholm, id))).toMatchObject({ status: 404 });
    expect((await readAt(id)) ?? null).toBeNull();
    expect(await testbed.counts('notifications')).toEqual(before);
  });
});
