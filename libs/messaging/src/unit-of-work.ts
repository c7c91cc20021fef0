import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, SYSTEM_ACTOR } from '@styrkedjan/contracts';
import { InvalidInput, RequestContext, SERVICE_NAME } from '@styrkedjan/platform';
import { appendToOutbox, outboxSchemaOf } from './outbox';
import { Transaction } from './transaction';

function actorOf(context: RequestContext): Actor {
  const { principal } = context;
  if (principal)
    return { organisationId: principal.organisationId, userId: principal.userId, method: principal.method };
  return context.system ? SYSTEM_ACTOR : { organisationId: null, userId: null, method: 'anonymous' };
}

/** Thrown inside the transaction when another request with the same Idempotency-Key committed first. */
class AlreadyAnswered extends Error {}

/**
 * Runs a use case in one transaction together with its outbox events and, when the request carried an
 * Idempotency-Key, the answer to replay. A retried request gets the first answer and causes no new event.
 */
@Injectable()
export class UnitOfWork {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(SERVICE_NAME) private readonly service: string,
  ) {}

  async run<T>(context: RequestContext, operation: string, work: (tx: Transaction) => Promise<T>): Promise<T> {
    const idempotency = context.idempotency;
    const scope = context.principal?.organisationId ?? 'anonymous';
    if (idempotency) {
      const earlier = await this.earlierAnswer<T>(scope, idempotency.key, operation, idempotency.fingerprint);
      if (earlier) return earlier.response;
    }
    try {
      return await this.dataSource.transaction(async (manager) => {
        const tx = new Transaction(manager, {
          producer: this.service,
          actor: actorOf(context),
          correlationId: context.correlationId,
          causationId: null,
          trace: context.trace,
        });
        const result = await work(tx);
        await appendToOutbox(manager, outboxSchemaOf(this.dataSource), tx.events);
        if (idempotency) {
          // The primary key decides a race between two retries: the second waits for the first to commit, then conflicts.
          const stored: unknown[] = await manager.query(
            `INSERT INTO idempotency_keys (scope, key, operation, fingerprint, response)
             VALUES ($1, $2, $3, $4, $5::json) ON CONFLICT DO NOTHING RETURNING key`,
            [scope, idempotency.key, operation, idempotency.fingerprint, JSON.stringify(result ?? null)],
          );
          if (stored.length === 0) throw new AlreadyAnswered();
        }
        return result;
      });
    } catch (error) {
      if (!(error instanceof AlreadyAnswered) || !idempotency) throw error;
      const earlier = await this.earlierAnswer<T>(scope, idempotency.key, operation, idempotency.fingerprint);
      if (!earlier) throw error;
      return earlier.response;
    }
  }

  private async earlierAnswer<T>(
    scope: string,
    key: string,
    operation: string,
    fingerprint: string,
  ): Promise<{ response: T } | null> {
    const rows: { operation: string; fingerprint: string; response: T }[] = await this.dataSource.query(
      'SELECT operation, fingerprint, response FROM idempotency_keys WHERE scope = $1 AND key = $2',
      [scope, key],
    );
    if (rows.length === 0) return null;
    if (rows[0].operation !== operation || rows[0].fingerprint !== fingerprint) {
      throw new InvalidInput(
        [{ field: 'Idempotency-Key', message: 'already used for a different request' }],
        422,
        'idempotency_key_reused',
      );
    }
    return { response: rows[0].response };
  }
}
