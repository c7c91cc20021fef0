import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Sector } from '@styrkedjan/contracts';
import type { Area } from '../domain/area';
import { AreaEntity } from './area.entity';
import { AreaView, toAreaView } from '../views/area.view';
import { VocabularyRepository } from './vocabulary.repository';

@Injectable()
export class AreasRepository extends VocabularyRepository<Area> {
  constructor(dataSource: DataSource) {
    super(dataSource, AreaEntity, 'Area', toAreaView);
  }

  list(sector?: Sector): Promise<AreaView[]> {
    return this.listWhere(sector ? { sector } : {});
  }
}
