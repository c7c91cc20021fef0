import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { decodeTimeIdCursor, Page, toPage } from '@styrkedjan/platform';
import { laterStatus, NeedStage, NeedState, stageOf, SupportStatus } from '../domain/need';
import { NeedEntity } from './need.entity';
import { NeedSupportEntity } from './need-support.entity';
import { NeedView, toNeedView } from '../views/need.view';

export interface NeedFilter {
  areaCode?: string;
  organisationId?: string;
  stage?: NeedStage;
  limit: number;
  cursor?: string;
}

@Injectable()
export class NeedsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, need: Readonly<NeedState>): Promise<void> {
    await manager.insert(NeedEntity, { ...need });
  }

  async findView(id: string): Promise<NeedView | null> {
    const need = await this.dataSource.manager.findOneBy(NeedEntity, { id });
    if (!need) return null;
    const supports = await this.dataSource.manager.find(NeedSupportEntity, {
      where: { needId: id },
      order: { draftedAt: 'ASC' },
    });
    return toNeedView(need, supports);
  }

  /** Newest first, keyset-paginated on (identified_at, id). */
  async list(filter: NeedFilter): Promise<Page<NeedView>> {
    const query = this.dataSource.manager
      .createQueryBuilder(NeedEntity, 'need')
      .orderBy('need.identifiedAt', 'DESC')
      .addOrderBy('need.id', 'DESC')
      .limit(filter.limit + 1);
    if (filter.areaCode) query.andWhere('need.areaCode = :areaCode', { areaCode: filter.areaCode });
    if (filter.organisationId)
      query.andWhere('need.organisationId = :organisationId', { organisationId: filter.organisationId });
    if (filter.stage) query.andWhere('need.stage = :stage', { stage: filter.stage });
    const after = decodeTimeIdCursor(filter.cursor);
    if (after) query.andWhere('(need.identifiedAt, need.id) < (:at, :id)', after);
    const needs = await query.getMany();
    const supports = needs.length
      ? await this.dataSource.manager.find(NeedSupportEntity, {
          where: { needId: In(needs.map((n) => n.id)) },
          order: { draftedAt: 'ASC' },
        })
      : [];
    return toPage(
      needs,
      filter.limit,
      (need) =>
        toNeedView(
          need,
          supports.filter((s) => s.needId === need.id),
        ),
      (need) => [need.identifiedAt.toISOString(), need.id],
    );
  }

  /**
   * Records that a support addresses a need and moves the need's stage on. Commutative: `draft` and
   * `published` may arrive in either order, or twice, and the row ends the same.
   */
  async linkSupport(
    manager: EntityManager,
    link: { needId: string; supportId: string; title: string; status: SupportStatus; at: string },
  ): Promise<void> {
    // Lock the need so that two supports linking at once cannot each compute the stage without the other.
    await manager.findOne(NeedEntity, { where: { id: link.needId }, lock: { mode: 'pessimistic_write' } });
    const existing = await manager.findOneBy(NeedSupportEntity, { needId: link.needId, supportId: link.supportId });
    const at = new Date(link.at);
    const row =
      existing ??
      Object.assign(new NeedSupportEntity(), {
        needId: link.needId,
        supportId: link.supportId,
        draftedAt: null,
        publishedAt: null,
      });
    row.title = link.title;
    row.status = laterStatus(existing?.status, link.status);
    if (link.status === 'draft') row.draftedAt = row.draftedAt ?? at;
    if (link.status === 'published') row.publishedAt = row.publishedAt ?? at;
    await manager.save(NeedSupportEntity, row);
    const statuses = (await manager.find(NeedSupportEntity, { where: { needId: link.needId } })).map((s) => s.status);
    await manager.update(NeedEntity, { id: link.needId }, { stage: stageOf(statuses) });
  }
}
