import { Injectable } from '@nestjs/common';
import { ArrayContains, DataSource } from 'typeorm';
import type { Sector } from '@styrkedjan/contracts';
import type { TargetGroup } from '../domain/target-group';
import { TargetGroupView, toTargetGroupView } from '../views/target-group.view';
import { TargetGroupEntity } from './target-group.entity';
import { VocabularyRepository } from './vocabulary.repository';

@Injectable()
export class TargetGroupsRepository extends VocabularyRepository<TargetGroup> {
  constructor(dataSource: DataSource) {
    super(dataSource, TargetGroupEntity, 'Target group', toTargetGroupView);
  }

  /** A sector's groups are those that list it (`sectors @> {sector}`, served by the GIN index). */
  list(sector?: Sector): Promise<TargetGroupView[]> {
    return this.listWhere(sector ? { sectors: ArrayContains([sector]) } : {});
  }
}
