import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { InvalidInput } from '@styrkedjan/platform';
import type { AnsweredNeed } from '../commands/support-events';
import { KnownNeedEntity } from './known-need.entity';

@Injectable()
export class KnownNeedsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Idempotent: the same need.identified delivered twice leaves the same row. Several at once in one
   * statement; a need named twice keeps the last, as one statement after another would.
   */
  async upsert(manager: EntityManager, needs: readonly KnownNeedEntity[]): Promise<void> {
    const last = [...new Map(needs.map((need) => [need.needId.toLowerCase(), need])).values()];
    if (last.length === 0) return;
    await manager.query(
      `INSERT INTO known_needs (need_id, organisation_id, area_code)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[])
       ON CONFLICT (need_id) DO UPDATE SET organisation_id = EXCLUDED.organisation_id, area_code = EXCLUDED.area_code`,
      [last.map((need) => need.needId), last.map((need) => need.organisationId), last.map((need) => need.areaCode)],
    );
  }

  /** Every need with its owner, in the order given, or a 400 naming each unknown one as `field[i]`. */
  async requireAll(
    needIds: readonly string[],
    field: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<AnsweredNeed[]> {
    const known = await this.byId(manager, needIds);
    const errors = needIds
      .map((id, index) => ({ id, index }))
      .filter(({ id }) => !known.has(id.toLowerCase()))
      .map(({ id, index }) => ({ field: `${field}[${index}]`, message: `unknown need '${id}'` }));
    if (errors.length) throw new InvalidInput(errors);
    return needIds.map((id) => known.get(id.toLowerCase())!);
  }

  /**
   * The needs a stored support answers, in its order. They were all known when it was drafted and the
   * projection never forgets a need, so none is missing unless the data was edited by hand.
   */
  async answersFor(manager: EntityManager, needIds: readonly string[]): Promise<AnsweredNeed[]> {
    const known = await this.byId(manager, needIds);
    return needIds.flatMap((id) => known.get(id.toLowerCase()) ?? []);
  }

  private async byId(manager: EntityManager, needIds: readonly string[]): Promise<Map<string, AnsweredNeed>> {
    if (needIds.length === 0) return new Map();
    const rows = await manager.findBy(KnownNeedEntity, { needId: In([...needIds]) });
    return new Map(rows.map((row) => [row.needId, { needId: row.needId, organisationId: row.organisationId }]));
  }
}
