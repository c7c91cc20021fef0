import { randomUUID } from 'node:crypto';
import type { ApplicationStatus } from '@styrkedjan/contracts';
import { actingAs, refusalOf, ServiceTestbed } from '@styrkedjan/testing';
import { feedbackDatabase } from '../../../database/feedback.database';
import { FeedbackModule } from '../../feedback.module';
import { GiveFeedbackCommand } from './give-feedback.command';

/** Which organisations give feedback is the access policy's rule, refused at the gateway; the handler checks the rest. */
describe('give feedback (integration)', () => {
  let testbed: ServiceTestbed;
  const socialstyrelsen = randomUUID();
  const stockholm = randomUUID();
  const publishedSupport = randomUUID();
  const draftSupport = randomUUID();

  beforeAll(async () => {
    testbed = await ServiceTestbed.start({
      service: 'feedback',
      database: feedbackDatabase,
      imports: [FeedbackModule],
    });
    // The projection of supports, as support.drafted and support.published left it.
    await testbed.db.query(
      `INSERT INTO known_supports (support_id, lead_agency_id, title, status, aggregate_version)
       VALUES ($1, $3, 'Publicerat stöd', 'published', 2), ($2, $3, 'Utkast', 'draft', 1)`,
      [publishedSupport, draftSupport, socialstyrelsen],
    );
  });

  afterAll(async () => {
    await testbed?.stop();
  });

  interface Feedback {
    supportId?: string;
    usefulness?: number;
    applicationStatus?: string;
    comment?: string;
  }

  const give = (feedback: Feedback = {}, context = actingAs(stockholm, 'municipality')) =>
    testbed.execute(
      new GiveFeedbackCommand(
        context,
        feedback.supportId ?? publishedSupport,
        feedback.usefulness ?? 4,
        (feedback.applicationStatus ?? 'applied') as ApplicationStatus,
        feedback.comment ?? 'Fungerar väl',
      ),
    );

  it('stores the feedback and tells the lead agency with feedback.received v1', async () => {
    const context = actingAs(stockholm.toUpperCase(), 'municipality');
    const feedback = await give({}, context);

    expect(feedback).toEqual({
      id: expect.any(String),
      supportId: publishedSupport,
      organisationId: stockholm,
      usefulness: 4,
      applicationStatus: 'applied',
      comment: 'Fungerar väl',
      receivedAt: expect.any(String),
    });
    const { rows } = await testbed.db.query('SELECT * FROM feedback WHERE id = $1', [feedback.id]);
    expect(rows).toEqual([
      {
        id: feedback.id,
        support_id: publishedSupport,
        organisation_id: stockholm,
        usefulness: 4,
        application_status: 'applied',
        comment: 'Fungerar väl',
        received_at: new Date(feedback.receivedAt),
      },
    ]);
    expect(await testbed.outbox()).toEqual([
      {
        type: 'feedback.received',
        published: false,
        envelope: expect.objectContaining({
          version: 1,
          producer: 'feedback',
          correlationId: context.correlationId,
          aggregate: { type: 'feedback', id: feedback.id, version: 1 },
          payload: {
            feedbackId: feedback.id,
            supportId: publishedSupport,
            leadAgencyId: socialstyrelsen,
            supportTitle: 'Publicerat stöd',
            organisationId: stockholm,
            usefulness: 4,
            applicationStatus: 'applied',
            comment: 'Fungerar väl',
            receivedAt: feedback.receivedAt,
          },
        }),
      },
    ]);
  });

  it.each<[string, Feedback, { status: number; code?: string; errors?: unknown[] }]>([
    ['feedback on a support it has not heard of', { supportId: randomUUID() }, { status: 404 }],
    ['feedback on a support still in draft', { supportId: draftSupport }, { status: 409, code: 'illegal_transition' }],
    [
      'a usefulness off the scale',
      { usefulness: 6 },
      { status: 400, errors: [expect.objectContaining({ field: 'usefulness' })] },
    ],
    [
      'an unknown application status',
      { applicationStatus: 'abandoned' },
      { status: 400, errors: [expect.objectContaining({ field: 'applicationStatus' })] },
    ],
    [
      'too long a comment',
      { comment: 'x'.repeat(5001) },
      { status: 400, errors: [expect.objectContaining({ field: 'comment' })] },
    ],
  ])('refuses %s, writing nothing', async (_, refused, problem) => {
    const before = await testbed.counts('feedback');
    expect(await refusalOf(give(refused))).toMatchObject(problem);
    expect(await testbed.counts('feedback')).toEqual(before);
  });

  it('answers a retried request with its first answer and records the feedback once', async () => {
    const retry = () => give({ usefulness: 2 }, actingAs(stockholm, 'municipality', { key: 'feedback-once' }));
    const first = await retry();
    const before = await testbed.counts('feedback');
    expect(await retry()).toEqual(first);
    expect(await testbed.counts('feedback')).toEqual(before);
  });
});
