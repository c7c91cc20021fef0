import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { CORRELATION_HEADER } from '@styrkedjan/platform';
import { principalOf } from '../../auth/principal';

export const SECURITY_EVENT_TYPES = ['auth.failed', 'access.denied', 'api_key.issued', 'api_key.revoked'] as const;
export type SecurityEventType = (typeof SECURITY_EVENT_TYPES)[number];

export interface SecurityEvent {
  id: string;
  type: SecurityEventType;
  occurredAt: string;
  actor: { organisationId: string | null; userId: string | null; method: string | null };
  ip: string | null;
  /** Method and path, never the query string: that is where a careless client puts a token. */
  request: string;
  correlationId: string | null;
  detail: Record<string, unknown>;
}

export interface SecurityEventFilter {
  type?: SecurityEventType;
  organisationId?: string;
  before: { at: string; id: string } | null;
  limit: number;
}

/**
 * Security events the gateway sees and the services cannot: refused credentials, denied actions, keys
 * issued and revoked. Recorded with the caller as far as it is known; a failure to record is logged, never
 * turned into a failed request.
 */
@Injectable()
export class SecurityLog {
  private readonly logger = new Logger(SecurityLog.name);

  constructor(private readonly dataSource: DataSource) {}

  async record(type: SecurityEventType, request: FastifyRequest, detail: Record<string, unknown>): Promise<void> {
    const caller = principalOf(request);
    const correlation = request.headers[CORRELATION_HEADER];
    try {
      await this.dataSource.query(
        `INSERT INTO security_events (id, type, occurred_at, organisation_id, user_id, method, ip, request, correlation_id, detail)
         VALUES ($1, $2, date_trunc('milliseconds', clock_timestamp()), $3, $4, $5, $6, $7, $8, $9)`,
        [
          randomUUID(),
          type,
          caller?.organisationId ?? null,
          caller?.userId ?? null,
          caller?.method ?? null,
          request.ip ?? null,
          `${request.method} ${(request.originalUrl ?? request.url).split('?', 1)[0]}`.slice(0, 500),
          typeof correlation === 'string' ? correlation : null,
          JSON.stringify(detail),
        ],
      );
    } catch (error) {
      this.logger.warn(`could not record ${type}: ${(error as Error).message}`);
    }
  }

  async list(filter: SecurityEventFilter): Promise<SecurityEvent[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (filter.type) where.push(`type = ${param(filter.type)}`);
    if (filter.organisationId) where.push(`organisation_id = ${param(filter.organisationId)}`);
    if (filter.before)
      where.push(`(occurred_at, id) < (${param(filter.before.at)}::timestamptz, ${param(filter.before.id)}::uuid)`);
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT * FROM security_events ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY occurred_at DESC, id DESC LIMIT ${param(filter.limit + 1)}`,
      params,
    );
    return rows.map((row) => ({
      id: row.id as string,
      type: row.type as SecurityEventType,
      occurredAt: (row.occurred_at as Date).toISOString(),
      actor: {
        organisationId: row.organisation_id as string | null,
        userId: row.user_id as string | null,
        method: row.method as string | null,
      },
      ip: row.ip as string | null,
      request: row.request as string,
      correlationId: row.correlation_id as string | null,
      detail: row.detail as Record<string, unknown>,
    }));
  }
}
