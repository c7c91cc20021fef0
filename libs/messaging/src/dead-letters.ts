import { Injectable } from '@nestjs/common';
import { Job } from 'bullmq';
import { CONSUMER_NAMES, ConsumerName } from '@styrkedjan/contracts';
import { EventTransport } from './transport';

export interface DeadLetter {
  id: string;
  consumer: ConsumerName;
  eventId: string;
  eventType: string;
  attemptsMade: number;
  failedReason: string;
  failedAt: string | null;
  event: unknown;
}

/** Events a consumer gave up on after its last retry: BullMQ's failed set of each consumer queue. */
@Injectable()
export class DeadLetters {
  constructor(private readonly transport: EventTransport) {}

  async list(limit: number): Promise<DeadLetter[]> {
    const perConsumer = await Promise.all(
      CONSUMER_NAMES.map(async (consumer) => {
        const jobs = await this.transport.queue(consumer).getFailed(0, limit - 1);
        return jobs.map((job) => toDeadLetter(consumer, job as Job));
      }),
    );
    return perConsumer
      .flat()
      .sort((a, b) => (b.failedAt ?? '').localeCompare(a.failedAt ?? ''))
      .slice(0, limit);
  }

  /** Puts a dead letter back on its queue with a fresh set of attempts. False when there is no such dead letter. */
  async retry(id: string): Promise<DeadLetter | null> {
    const [consumer, jobId] = splitId(id);
    if (!consumer || !jobId) return null;
    const job = await this.transport.queue(consumer).getJob(jobId);
    if (!job || !(await job.isFailed())) return null;
    const letter = toDeadLetter(consumer, job);
    await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
    return letter;
  }
}

function splitId(id: string): [ConsumerName | null, string | null] {
  const separator = id.indexOf(':');
  const consumer = id.slice(0, separator) as ConsumerName;
  if (separator < 1 || !CONSUMER_NAMES.includes(consumer)) return [null, null];
  return [consumer, id.slice(separator + 1)];
}

function toDeadLetter(consumer: ConsumerName, job: Job): DeadLetter {
  const event = job.data as { id?: string; type?: string };
  return {
    id: `${consumer}:${job.id}`,
    consumer,
    eventId: String(event?.id ?? job.id),
    eventType: String(event?.type ?? job.name),
    attemptsMade: job.attemptsMade,
    failedReason: job.failedReason ?? '',
    failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
    event: job.data,
  };
}
