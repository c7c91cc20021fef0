import type { Sector } from '@styrkedjan/contracts';
import type { SupportState, SupportStatus } from '../domain/support';

/** A support as the API shows it: plain JSON, so a replayed idempotent answer is the same bytes. */
export interface SupportView {
  id: string;
  title: string;
  summary: string;
  areaCode: string;
  sector: Sector;
  leadAgencyId: string;
  coProducerIds: string[];
  needIds: string[];
  status: SupportStatus;
  plannedReleaseDate: string | null;
  draftedAt: string;
  publishedAt: string | null;
  version: number;
}

export function toSupportView(support: Readonly<SupportState>): SupportView {
  return {
    id: support.id,
    title: support.title,
    summary: support.summary,
    areaCode: support.areaCode,
    sector: support.sector,
    leadAgencyId: support.leadAgencyId,
    coProducerIds: [...support.coProducerIds],
    needIds: [...support.needIds],
    status: support.status,
    plannedReleaseDate: support.plannedReleaseDate,
    draftedAt: support.draftedAt.toISOString(),
    publishedAt: support.publishedAt?.toISOString() ?? null,
    version: support.version,
  };
}
