import type { SupportState } from '../domain/support';

/** A support as the API shows it: plain JSON (times as ISO strings), so a replayed idempotent answer is the same bytes. */
export type SupportView = Omit<SupportState, 'draftedAt' | 'publishedAt'> & {
  draftedAt: string;
  publishedAt: string | null;
};

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
