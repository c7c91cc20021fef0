import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { decodeTimeIdCursor, Page, toPage } from '@styrkedjan/platform';
import type { SupportState, SupportStatus } from '../domain/support';
import { SupportEntity, toSupportRow, toSupportState } from './support.entity';
import { SupportView, toSupportView } from '../views/support.view';

export interface SupportFilter {
  status?: SupportStatus;
  areaCode?: string;
  leadAgencyId?: string;
  /** Inclusive `YYYY-MM-DD` bounds on the planned release date. */
  plannedFrom?: string;
  plannedTo?: string;
  limit: number;
  cursor?: string;
}

export interface ReleaseFilter {
  /** Inclusive `YYYY-MM-DD` bounds; either may be left open. */
  from?: string;
  to?: string;
  limit: number;
  cursor?: string;
}

@Injectable()
export class SupportsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, support: Readonly<SupportState>): Promise<void> {
    await manager.insert(SupportEntity, toSupportRow(support));
  }

  /** The support, row-locked until the transaction ends: a second step waits, then sees the first one's result. */
  async findForUpdate(manager: EntityManager, id: string): Promise<SupportState | null> {
    const row = await manager.findOne(SupportEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    return row ? toSupportState(row) : null;
  }

  async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<SupportState | null> {
    const row = await manager.findOneBy(SupportEntity, { id });
    return row ? toSupportState(row) : null;
  }

  /** Writes the whole support as the aggregate left it. */
  async save(manager: EntityManager, support: Readonly<SupportState>): Promise<void> {
    const { id, ...columns } = toSupportRow(support);
    await manager.update(SupportEntity, { id }, columns);
  }

  async findView(id: string): Promise<SupportView | null> {
    const support = await this.find(id);
    return support ? toSupportView(support) : null;
  }

  /** Newest drafted first, keyset-paginated on (drafted_at, id). */
  async list(filter: SupportFilter): Promise<Page<SupportView>> {
    const query = this.dataSource.manager
      .createQueryBuilder(SupportEntity, 'support')
      .orderBy('support.draftedAt', 'DESC')
      .addOrderBy('support.id', 'DESC')
      .limit(filter.limit + 1);
    if (filter.status) query.andWhere('support.status = :status', { status: filter.status });
    if (filter.areaCode) query.andWhere('support.areaCode = :areaCode', { areaCode: filter.areaCode });
    if (filter.leadAgencyId)
      query.andWhere('support.leadAgencyId = :leadAgencyId', { leadAgencyId: filter.leadAgencyId });
    if (filter.plannedFrom)
      query.andWhere('support.plannedReleaseDate >= :plannedFrom', { plannedFrom: filter.plannedFrom });
    if (filter.plannedTo) query.andWhere('support.plannedReleaseDate <= :plannedTo', { plannedTo: filter.plannedTo });
    const after = decodeTimeIdCursor(filter.cursor);
    if (after) query.andWhere('(support.draftedAt, support.id) < (CAST(:at AS timestamptz), CAST(:id AS uuid))', after);
    const supports = await query.getMany();
    return toPage(supports.map(toSupportState), filter.limit, toSupportView, (support) => [
      support.draftedAt.toISOString(),
      support.id,
    ]);
  }

  /** The release calendar: drafts with a planned date, soonest first, keyset-paginated on (planned_release_date, id). */
  async releases(filter: ReleaseFilter): Promise<Page<SupportView>> {
    const query = this.dataSource.manager
      .createQueryBuilder(SupportEntity, 'support')
      .where(`support.status = 'draft'`)
      .andWhere('support.plannedReleaseDate IS NOT NULL')
      .orderBy('support.plannedReleaseDate', 'ASC')
      .addOrderBy('support.id', 'ASC')
      .limit(filter.limit + 1);
    if (filter.from) query.andWhere('support.plannedReleaseDate >= :from', { from: filter.from });
    if (filter.to) query.andWhere('support.plannedReleaseDate <= :to', { to: filter.to });
    // The calendar's sort key is a date, which the (time, id) cursor check accepts as well.
    const after = decodeTimeIdCursor(filter.cursor);
    if (after)
      query.andWhere('(support.plannedReleaseDate, support.id) > (CAST(:at AS date), CAST(:id AS uuid))', after);
    const supports = await query.getMany();
    return toPage(supports.map(toSupportState), filter.limit, toSupportView, (support) => [
      support.plannedReleaseDate ?? '',
      support.id,
    ]);
  }
}
