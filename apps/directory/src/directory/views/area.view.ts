import type { Area } from '../domain/area';
import { AreaEntity } from '../persistence/area.entity';

/** An area as the API shows it: plain JSON. */
export type AreaView = Area;

export function toAreaView(entity: AreaEntity): AreaView {
  return { code: entity.code, sector: entity.sector, name: entity.name, nameEn: entity.nameEn };
}
