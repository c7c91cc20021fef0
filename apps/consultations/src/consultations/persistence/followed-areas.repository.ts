import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** The areas each organisation follows, for rounds sent to an area's followers. */
@Injectable()
export class FollowedAreasRepository {
  /** The whole list replaces the last; an older list arriving late changes nothing. */
  async replace(
    manager: EntityManager,
    organisationId: string,
    areaCodes: string[],
    replacedAt: string,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO followed_areas AS f (organisation_id, area_codes, replaced_at) VALUES ($1, $2, $3)
       ON CONFLICT (organisation_id) DO UPDATE SET area_codes = $2, replaced_at = $3 WHERE f.replaced_at <= $3`,
      [organisationId, areaCodes, replacedAt],
    );
  }
}
