import type { Sector } from '@styrkedjan/contracts';

/** A support's status as the supports service names it: a draft (utkast) until it is published. */
export type SupportStatus = 'draft' | 'published';

/** How far the chain has come in answering a need: the furthest of the supports that address it. */
export const NEED_STAGES = ['identified', 'addressed_by_draft', 'addressed'] as const;
export type NeedStage = (typeof NEED_STAGES)[number];

export interface NeedState {
  id: string;
  organisationId: string;
  title: string;
  description: string;
  areaCode: string;
  sector: Sector;
  targetGroup: string;
  stage: NeedStage;
  identifiedAt: Date;
  /** Aggregate version after the last event: 1 when identified. */
  version: number;
}

export interface IdentifyInput {
  id: string;
  /** The acting organisation: a need is always registered by the organisation that meets it. */
  organisationId: string;
  title: string;
  description: string;
  area: { code: string; sector: Sector };
  targetGroup: string;
  identifiedAt: Date;
}

/**
 * A knowledge need (kunskapsbehov) found where the work is done. Which organisations may register one is the
 * access policy's rule (`need.identify`), decided at the gateway; the need itself starts its chain here.
 */
export class Need {
  private constructor(private readonly current: NeedState) {}

  static identify(input: IdentifyInput): Need {
    return new Need({
      id: input.id,
      organisationId: input.organisationId,
      title: input.title,
      description: input.description,
      areaCode: input.area.code,
      sector: input.area.sector,
      targetGroup: input.targetGroup,
      stage: 'identified',
      identifiedAt: input.identifiedAt,
      version: 1,
    });
  }

  get state(): Readonly<NeedState> {
    return this.current;
  }
}

export function stageOf(supportStatuses: readonly SupportStatus[]): NeedStage {
  if (supportStatuses.includes('published')) return 'addressed';
  if (supportStatuses.length > 0) return 'addressed_by_draft';
  return 'identified';
}

/** A support only moves forward; a `support.drafted` event arriving after `support.published` must not move it back. */
export function laterStatus(current: SupportStatus | undefined, incoming: SupportStatus): SupportStatus {
  return current === 'published' || incoming === 'published' ? 'published' : 'draft';
}
