import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { decodeTimeIdCursor, Page, toPage } from '@styrkedjan/platform';
import type { RegionalAdditionView } from '../views/support.view';

interface AdditionRow {
  id: string;
  support_id: string;
  region_id: string;
  title: string;
  summary: string;
  url: string | null;
  published_at: Date;
}

const COLUMNS = 'id, support_id, region_id, title, summary, url, published_at';

/** Regions' own texts added to national supports (regionala tillägg). */
@Injectable()
export class RegionalAdditionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, addition: RegionalAdditionView): Promise<void> {
    await manager.query(`INSERT INTO regional_additions (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
      addition.id,
      addition.supportId,
      addition.regionId,
      addition.title,
      addition.summary,
      addition.url,
      addition.publishedAt,
    ]);
  }

  /** A support's additions, oldest first. */
  async ofSupport(supportId: string): Promise<RegionalAdditionView[]> {
    const rows: AdditionRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM regional_additions WHERE support_id = $1 ORDER BY published_at, id`,
      [supportId],
    );
    return rows.map(toView);
  }

  /** A region's additions to any support, newest first, keyset-paginated on (published_at, id). */
  async ofRegion(regionId: string, limit: number, cursor?: string): Promise<Page<RegionalAdditionView>> {
    const after = decodeTimeIdCursor(cursor);
    const rows: AdditionRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM regional_additions
       WHERE region_id = $1 AND ($2::timestamptz IS NULL OR (published_at, id) < ($2::timestamptz, $3::uuid))
       ORDER BY published_at DESC, id DESC LIMIT $4`,
      [regionId, after?.at ?? null, after?.id ?? null, limit + 1],
    );
    return toPage(rows, limit, toView, (row) => [row.published_at.toISOString(), row.id]);
  }
}

function toView(row: AdditionRow): RegionalAdditionView {
  return {
    id: row.id,
    supportId: row.support_id,
    regionId: row.region_id,
    title: row.title,
    summary: row.summary,
    url: row.url,
    publishedAt: row.published_at.toISOString(),
  };
}
