import type { TargetGroup } from '../domain/target-group';
import { TargetGroupEntity } from '../persistence/target-group.entity';

/** A target group as the API shows it: plain JSON. */
export type TargetGroupView = TargetGroup;

export function toTargetGroupView(entity: TargetGroupEntity): TargetGroupView {
  return { code: entity.code, name: entity.name, nameEn: entity.nameEn, sectors: entity.sectors };
}
