import { randomUUID } from 'node:crypto';
import { Client, Notification } from 'pg';
import { InvalidEventError, PayloadOf } from '@styrkedjan/contracts';
import { outboxChannel, Transaction, UnitOfWork } from '@styrkedjan/messaging';
import { actingAs, eventually, refusalOf, ServiceTestbed } from '@styrkedjan/testing';
import { messagingSpecDatabase, needIdentifiedPayload } from './messaging.testbed';

/** The unit of work against a real PostgreSQL: state, outbox and idempotency key commit together or not at all. */
describe('unit of work (integration)', () => {
  let testbed: ServiceTestbed;
  let unitOfWork: UnitOfWork;
  const stockholm = randomUUID();

  beforeAll(async () => {
    testbed = await ServiceTestbed.start({ service: 'needs', database: messagingSpecDatabase('needs') });
    unitOfWork = testbed.get(UnitOfWork);
  });

  afterAll(async () => {
    await testbed?.stop();
  });

  /** A use case that writes a widget and announces it as a need, returning what it wrote. */
  async function addWidget(tx: Transaction, name: string): Promise<PayloadOf<'need.identified'>> {
    const payload = needIdentifiedPayload(stockholm, name);
    await tx.manager.query('INSERT INTO widgets (id, name) VALUES ($1, $2)', [payload.needId, name]);
    tx.record('need.identified', { type: 'need', id: payload.needId, version: 1 }, payload);
    return payload;
  }

  const widgetNamed = async (name: string): Promise<number> =>
    (await testbed.db.query('SELECT count(*)::int AS n FROM widgets WHERE name = $1', [name])).rows[0].n;
  const eventsTitled = async (title: string): Promise<number> =>
    (await testbed.db.query("SELECT count(*)::int AS n FROM outbox WHERE envelope #>> '{payload,title}' = $1", [title]))
      .rows[0].n;

  it('commits the state and its events in one transaction, each event a complete envelope', async () => {
    const context = actingAs(stockholm, 'municipality');
    const payload = await unitOfWork.run(context, 'add-widget', (tx) => addWidget(tx, 'committed'));

    expect(await widgetNamed('committed')).toBe(1);
    const rows = (await testbed.outbox()).filter((row) => row.envelope.aggregate.id === payload.needId);
    expect(rows).toEqual([
      {
        type: 'need.identified',
        published: false,
        envelope: {
          id: expect.any(String),
          type: 'need.identified',
          version: 2,
          occurredAt: expect.any(String),
          producer: 'needs',
          actor: { organisationId: stockholm, userId: 'user-municipality', method: 'jwt' },
          correlationId: context.correlationId,
          causationId: null,
          aggregate: { type: 'need', id: payload.needId, version: 1 },
          payload,
        },
      },
    ]);
  });

  it('rolls back the state and its events together when the use case fails', async () => {
    const failing = unitOfWork.run(actingAs(stockholm, 'municipality'), 'add-widget', async (tx) => {
      await addWidget(tx, 'rolled back');
      throw new Error('the use case changed its mind');
    });
    await expect(failing).rejects.toThrow('the use case changed its mind');
    expect(await widgetNamed('rolled back')).toBe(0);
    expect(await eventsTitled('rolled back')).toBe(0);
  });

  it('refuses an event that breaks its contract before anything commits', async () => {
    const invalid = unitOfWork.run(actingAs(stockholm, 'municipality'), 'add-widget', async (tx) => {
      await tx.manager.query('INSERT INTO widgets (id, name) VALUES ($1, $2)', [randomUUID(), 'invalid event']);
      tx.record(
        'need.identified',
        { type: 'need', id: 'x', version: 1 },
        { ...needIdentifiedPayload(stockholm, 'invalid event'), needId: 'not-a-uuid' },
      );
    });
    await expect(invalid).rejects.toBeInstanceOf(InvalidEventError);
    expect(await widgetNamed('invalid event')).toBe(0);
    expect(await eventsTitled('invalid event')).toBe(0);
  });

  it('wakes the relay once per committed append, never for a rollback or a change without events', async () => {
    const listener = new Client({ connectionString: testbed.config.DATABASE_URL });
    const heard: string[] = [];
    await listener.connect();
    try {
      listener.on('notification', (message: Notification) => heard.push(message.payload ?? ''));
      await listener.query(`LISTEN ${outboxChannel('needs')}`);
      const context = actingAs(stockholm, 'municipality');
      await expect(
        unitOfWork.run(context, 'add-widget', async (tx) => {
          await addWidget(tx, 'never notified');
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      await unitOfWork.run(context, 'add-widget-quietly', (tx) =>
        tx.manager.query("INSERT INTO widgets (id, name) VALUES (gen_random_uuid(), 'without events')"),
      );
      await unitOfWork.run(context, 'add-widget', async (tx) => {
        await addWidget(tx, 'notified once');
        await addWidget(tx, 'notified once');
      });
      // Notifications arrive in commit order: once the marker is heard, everything committed before it was too.
      await testbed.db.query('SELECT pg_notify($1, $2)', [outboxChannel('needs'), 'marker']);
      await eventually(() => expect(heard).toContain('marker'));
      expect(heard).toEqual(['', 'marker']);
    } finally {
      await listener.end();
    }
  });

  describe('with an Idempotency-Key', () => {
    it('answers a retry with the first answer, running nothing and recording no second event', async () => {
      let runs = 0;
      const context = () => actingAs(stockholm, 'municipality', { key: 'retry-1' });
      const work = (tx: Transaction) => {
        runs += 1;
        return addWidget(tx, 'retried');
      };
      const first = await unitOfWork.run(context(), 'add-widget', work);
      const second = await unitOfWork.run(context(), 'add-widget', work);
      expect(second).toEqual(first);
      expect(runs).toBe(1);
      expect(await widgetNamed('retried')).toBe(1);
      expect(await eventsTitled('retried')).toBe(1);
    });

    it('refuses the key reused for a different request, writing nothing', async () => {
      await unitOfWork.run(actingAs(stockholm, 'municipality', { key: 'reused' }), 'add-widget', (tx) =>
        addWidget(tx, 'first use'),
      );
      const reused = unitOfWork.run(
        actingAs(stockholm, 'municipality', { key: 'reused', fingerprint: 'another body' }),
        'add-widget',
        (tx) => addWidget(tx, 'second use'),
      );
      expect(await refusalOf(reused)).toMatchObject({
        status: 422,
        code: 'idempotency_key_reused',
        errors: [{ field: 'Idempotency-Key', message: expect.any(String) }],
      });
      expect(await widgetNamed('second use')).toBe(0);
      expect(await eventsTitled('second use')).toBe(0);
    });

    it('keeps keys apart per organisation', async () => {
      const malmo = randomUUID();
      await unitOfWork.run(actingAs(stockholm, 'municipality', { key: 'shared' }), 'add-widget', (tx) =>
        addWidget(tx, 'per organisation'),
      );
      await unitOfWork.run(actingAs(malmo, 'municipality', { key: 'shared' }), 'add-widget', (tx) =>
        addWidget(tx, 'per organisation'),
      );
      expect(await widgetNamed('per organisation')).toBe(2);
      expect(await eventsTitled('per organisation')).toBe(2);
    });

    it('lets one of two concurrent requests with one key commit; the other gets its answer and writes nothing', async () => {
      // Both enter their transaction before either commits, so the key's primary key has to decide.
      let entered = 0;
      let bothInside!: () => void;
      const barrier = new Promise<void>((resolve) => (bothInside = resolve));
      const work = async (tx: Transaction) => {
        if (++entered === 2) bothInside();
        await barrier;
        return addWidget(tx, 'raced');
      };
      const [a, b] = await Promise.all(
        [1, 2].map(() => unitOfWork.run(actingAs(stockholm, 'municipality', { key: 'race' }), 'add-widget', work)),
      );
      expect(entered).toBe(2);
      expect(a).toEqual(b);
      expect(await widgetNamed('raced')).toBe(1);
      expect(await eventsTitled('raced')).toBe(1);
    });
  });
});
