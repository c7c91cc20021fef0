import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { decodeTimeIdCursor, Page, toPage } from '@styrkedjan/platform';
import type { StoredApiKey } from '../domain/api-key';

const COLUMNS = 'id, organisation_id, name, role, created_at, created_by, expires_at, last_used_at, revoked_at';

@Injectable()
export class ApiKeysRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(key: StoredApiKey, hash: Buffer): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO api_keys (id, organisation_id, name, role, secret_hash, created_at, created_by, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [key.id, key.organisationId, key.name, key.role, hash, key.createdAt, key.createdBy, key.expiresAt],
    );
  }

  /** The key and its hash, for authenticating a request. */
  async findForAuthentication(id: string): Promise<{ key: StoredApiKey; hash: Buffer } | null> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ${COLUMNS}, secret_hash FROM api_keys WHERE id = $1`,
      [id],
    );
    return rows.length ? { key: toKey(rows[0]), hash: rows[0].secret_hash as Buffer } : null;
  }

  /** Marks use at most once a minute per key, so a busy integration does not write on every request. */
  async touch(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE api_keys SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
      [id],
    );
  }

  async listOf(organisationId: string, limit: number, cursor: string | undefined): Promise<Page<StoredApiKey>> {
    const before = decodeTimeIdCursor(cursor);
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM api_keys WHERE organisation_id = $1 ${before ? 'AND (created_at, id) < ($3::timestamptz, $4::uuid)' : ''}
       ORDER BY created_at DESC, id DESC LIMIT $2`,
      before ? [organisationId, limit + 1, before.at, before.id] : [organisationId, limit + 1],
    );
    return toPage(
      rows.map(toKey),
      limit,
      (key) => key,
      (key) => [key.createdAt.toISOString(), key.id],
    );
  }

  /** Revokes a key of the organisation; null when it has no such key (another's key is not found either). */
  async revoke(organisationId: string, id: string): Promise<StoredApiKey | null> {
    // TypeORM answers an UPDATE with [rows, affected count].
    const [rows]: [Record<string, unknown>[], number] = await this.dataSource.query(
      `UPDATE api_keys SET revoked_at = COALESCE(revoked_at, now()) WHERE id = $1 AND organisation_id = $2 RETURNING ${COLUMNS}`,
      [id, organisationId],
    );
    return rows.length ? toKey(rows[0]) : null;
  }
}

function toKey(row: Record<string, unknown>): StoredApiKey {
  return {
    id: row.id as string,
    organisationId: row.organisation_id as string,
    name: row.name as string,
    role: row.role as string,
    createdAt: row.created_at as Date,
    createdBy: row.created_by as string | null,
    expiresAt: row.expires_at as Date,
    lastUsedAt: row.last_used_at as Date | null,
    revokedAt: row.revoked_at as Date | null,
  };
}
