import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Job, Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { EventTransport } from '@styrkedjan/messaging';
import { PLATFORM_CONFIG, PlatformConfig, RequestContext } from '@styrkedjan/platform';
import { Clock } from '../../config/clock';
import { CONSULTATIONS_CONFIG, ConsultationsConfig } from '../../config/consultations.config';
import { CloseConsultationCommand } from '../commands/close-consultation/close-consultation.command';
import { SendReminderCommand } from '../commands/send-reminder/send-reminder.command';
import { DueTimes, RoundsRepository } from '../persistence/rounds.repository';

/** The queue of the rounds' own jobs: a reminder and a close per round, each at its time. */
export const ROUNDS_QUEUE = 'consultations.rounds';

type RoundJob = 'remind' | 'close';

function systemContext(): RequestContext {
  return { principal: null, system: true, correlationId: `consultations-${randomUUID()}`, idempotency: null };
}

/**
 * Wakes the service when a round's reminder or close is due: a delayed job per round and time, with an id made of
 * both, so two replicas scheduling the same moment make one job, and a moved deadline makes a new one (the old one,
 * waking early, finds nothing due). The database decides what happens (SendReminderHandler, CloseConsultationHandler);
 * the jobs only wake. At start and every CONSULTATION_SWEEP_MS each replica also sweeps the open rounds: what is due
 * is done at once (a job lost with its queue, or due while no process ran), what is not is scheduled again.
 */
@Injectable()
export class RoundScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RoundScheduler.name);
  private queue?: Queue;
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<void>;

  constructor(
    private readonly commands: CommandBus,
    private readonly rounds: RoundsRepository,
    private readonly clock: Clock,
    @Inject(CONSULTATIONS_CONFIG) private readonly config: ConsultationsConfig,
    @Inject(PLATFORM_CONFIG) private readonly platform: PlatformConfig,
    // Absent where no queues run (a spec of the handlers alone): then nothing is scheduled.
    @Optional() private readonly transport?: EventTransport,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.transport || !this.platform.SERVICE_ROLES.includes('consumer')) return;
    this.queue = this.transport.jobQueue(ROUNDS_QUEUE);
    this.transport.jobWorker(ROUNDS_QUEUE, (job: Job<{ consultationId: string }>) =>
      this.run(job.name as RoundJob, job.data.consultationId),
    );
    await this.sweep();
    this.timer = setInterval(() => void this.sweep(), this.config.sweepMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
  }

  /** Schedules a round's reminder and close; a failure is logged, and the next sweep makes up for it. */
  async schedule(round: Pick<DueTimes, 'id' | 'remindAt' | 'closesAt'>, reminded = false): Promise<void> {
    if (!this.queue) return;
    try {
      if (!reminded) await this.add('remind', round.id, round.remindAt);
      await this.add('close', round.id, round.closesAt);
    } catch (error) {
      this.logger.warn(`scheduling consultation ${round.id}: ${(error as Error).message}; the sweep will`);
    }
  }

  /** Does what is due now and schedules the rest, for every open round. */
  sweep(): Promise<void> {
    this.sweeping ??= this.sweepOnce().finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  private async sweepOnce(): Promise<void> {
    let open: DueTimes[];
    try {
      open = await this.rounds.openRounds();
    } catch (error) {
      this.logger.warn(`sweeping consultation rounds: ${(error as Error).message}`);
      return;
    }
    const now = this.clock.now();
    // One round at a time, and one round's failure does not hold up the others: the next sweep tries it again.
    for (const round of open) {
      try {
        if (!round.reminded && round.remindAt <= now) await this.run('remind', round.id);
        if (round.closesAt <= now) await this.run('close', round.id);
        else await this.schedule(round, round.reminded);
      } catch (error) {
        this.logger.warn(`sweeping consultation ${round.id}: ${(error as Error).message}`);
      }
    }
  }

  private async add(job: RoundJob, consultationId: string, at: Date): Promise<void> {
    await this.queue!.add(
      job,
      { consultationId },
      {
        ...this.transport!.retries(),
        jobId: `${job}-${consultationId}-${at.getTime()}`,
        delay: Math.max(0, at.getTime() - this.clock.now().getTime()),
      },
    );
  }

  private async run(job: RoundJob, consultationId: string): Promise<void> {
    if (job === 'remind') await this.commands.execute(new SendReminderCommand(systemContext(), consultationId));
    else await this.commands.execute(new CloseConsultationCommand(systemContext(), consultationId, false));
  }
}
