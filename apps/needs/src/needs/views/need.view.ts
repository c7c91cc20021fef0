import type { Sector } from '@styrkedjan/contracts';
import type { NeedStage, NeedState, SupportStatus } from '../domain/need';
import type { NeedSupportEntity } from '../persistence/need-support.entity';

/** A need as the API shows it: plain JSON, so a replayed idempotent answer is the same bytes. */
export interface NeedView {
  id: string;
  organisationId: string;
  title: string;
  description: string;
  areaCode: string;
  sector: Sector;
  targetGroup: string;
  stage: NeedStage;
  identifiedAt: string;
  addressedBy: {
    supportId: string;
    title: string;
    status: SupportStatus;
    draftedAt: string | null;
    publishedAt: string | null;
  }[];
}

export function toNeedView(need: Readonly<NeedState>, supports: readonly NeedSupportEntity[]): NeedView {
  return {
    id: need.id,
    organisationId: need.organisationId,
    title: need.title,
    description: need.description,
    areaCode: need.areaCode,
    sector: need.sector,
    targetGroup: need.targetGroup,
    stage: need.stage,
    identifiedAt: need.identifiedAt.toISOString(),
    addressedBy: supports.map((support) => ({
      supportId: support.supportId,
      title: support.title,
      status: support.status,
      draftedAt: support.draftedAt?.toISOString() ?? null,
      publishedAt: support.publishedAt?.toISOString() ?? null,
    })),
  };
}
