import { randomUUID } from 'node:crypto';
import { actingAs, eventually, ServiceTestbed } from '@styrkedjan/testing';
import { ExtendConsultationCommand } from '../src/consultations/commands/extend-consultation/extend-consultation.command';
import { OpenConsultationCommand } from '../src/consultations/commands/open-consultation/open-consultation.command';
import { endOfSwedishDay, nextWorkingDay, addDays } from '../src/consultations/domain/working-days';
import { RoundScheduler } from '../src/consultations/scheduling/round-scheduler';
import { knowDraft, knowOrganisation, startConsultationsTestbed, workingDayIn } from './consultations.testbed';

/** The reminder woken by its delayed job on the real queues, the close by the sweep, each exactly once. */
describe('round scheduling (integration)', () => {
  let testbed: ServiceTestbed;
  let setNow: (at: Date) => void;
  const agency = randomUUID();
  const municipality = randomUUID();

  beforeAll(async () => {
    // Only this service's consumer role: its queue worker and the rounds' jobs run, nothing is relayed.
    ({ testbed, setNow } = await startConsultationsTestbed({
      SERVICE_ROLES: 'consumer',
      RECONCILE_INTERVAL_MS: '600000',
    }));
    await knowOrganisation(testbed, agency, 'agency');
    await knowOrganisation(testbed, municipality, 'municipality');
  });

  afterAll(async () => {
    await testbed?.stop();
  });

  const count = async (type: string, id: string) =>
    (await testbed.outbox()).filter((row) => row.type === type && row.envelope.aggregate.id === id).length;

  it('reminds once when the moved reminder is due, and closes once at the deadline', async () => {
    const supportId = randomUUID();
    await knowDraft(testbed, supportId, agency);
    const lead = actingAs(agency, 'agency');
    const round = await testbed.execute(
      new OpenConsultationCommand(lead, supportId, {
        consultees: { organisationIds: [municipality], selectors: [] },
        questions: [{ id: 'q1', text: 'Synpunkter?' }],
        sections: [],
        closesAt: workingDayIn(35),
        snapToFixedDate: false,
        documentUrl: null,
      }),
    );
    // Time moves to two seconds before the reminder of a deadline two weeks later; the extension schedules it.
    const later = nextWorkingDay(addDays(round.closesOn, 14));
    setNow(new Date(endOfSwedishDay(later).getTime() - 7 * 86_400_000 - 2000));
    await testbed.execute(new ExtendConsultationCommand(lead, round.id, later, 'Fler svar'));
    await eventually(async () => expect(await count('consultation.closing-soon', round.id)).toBe(1), {
      timeoutMs: 20_000,
    });
    const scheduler = testbed.get(RoundScheduler);
    await scheduler.sweep();
    expect(await count('consultation.closing-soon', round.id)).toBe(1);
    // Past the deadline: the sweep closes it (its own close job is a week away), once however often it runs.
    setNow(new Date(endOfSwedishDay(later).getTime() + 1000));
    await Promise.all([scheduler.sweep(), scheduler.sweep()]);
    await scheduler.sweep();
    expect(await count('consultation.closed', round.id)).toBe(1);
    const { rows } = await testbed.db.query('SELECT status, early FROM consultations WHERE id = $1', [round.id]);
    expect(rows).toEqual([{ status: 'closed', early: false }]);
  });
});
