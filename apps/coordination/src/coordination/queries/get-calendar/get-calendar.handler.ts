import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { COORDINATION_CONFIG, CoordinationConfig } from '../../../config/coordination.config';
import { checkCalendarRequest, isoWeekOf, releaseWarning } from '../../domain/calendar';
import { CalendarEntry, CalendarRepository } from '../../persistence/calendar.repository';
import { CollisionsRepository } from '../../persistence/collisions.repository';
import { CalendarCellView, CalendarView, CalendarWeekView } from '../../views/calendar.view';
import { GetCalendarQuery } from './get-calendar.query';

/**
 * The weeks of a range with their load per audience cell: the releases planned and the consultations closing,
 * a holiday warning on each municipal release in July or around Christmas, and the open collisions.
 */
@QueryHandler(GetCalendarQuery)
export class GetCalendarHandler implements IQueryHandler<GetCalendarQuery, CalendarView> {
  constructor(
    @Inject(COORDINATION_CONFIG) private readonly config: CoordinationConfig,
    private readonly dataSource: DataSource,
    private readonly calendar: CalendarRepository,
    private readonly collisions: CollisionsRepository,
  ) {}

  async execute(query: GetCalendarQuery): Promise<CalendarView> {
    const { filter } = query;
    checkCalendarRequest(filter);
    const [entries, open] = await Promise.all([
      this.calendar.entries(filter),
      this.collisions.openBetween(this.dataSource.manager, filter.from, filter.to, filter.audienceKey),
    ]);
    const collisions = filter.agencyId
      ? open.filter((collision) => collision.leadAgencyIds.includes(filter.agencyId!.toLowerCase()))
      : open;
    const weeks = new Map<string, CalendarWeekView>();
    const cells = new Map<string, CalendarCellView>();
    for (const entry of entries) {
      const { week, start } = isoWeekOf(entry.day);
      let weekView = weeks.get(week);
      if (!weekView) weeks.set(week, (weekView = { week, start, audiences: [] }));
      const cellKey = `${week}|${entry.audienceKey}`;
      let cell = cells.get(cellKey);
      if (!cell) {
        cell = emptyCell(entry);
        cells.set(cellKey, cell);
        weekView.audiences.push(cell);
      }
      if (entry.kind === 'release') cell.releases++;
      else cell.consultationsClosing++;
      cell.load++;
      cell.items.push({
        kind: entry.kind,
        id: entry.itemId,
        supportId: entry.supportId,
        title: entry.title,
        leadAgencyId: entry.leadAgencyId,
        day: entry.day,
        warning: entry.kind === 'release' ? releaseWarning(entry.organisationKind, entry.day) : null,
      });
      for (const collision of collisions) {
        if (
          entry.kind === 'release' &&
          collision.audience.key === entry.audienceKey &&
          collision.supportIds.includes(entry.supportId) &&
          !cell.collisionIds.includes(collision.id)
        )
          cell.collisionIds.push(collision.id);
      }
    }
    return {
      from: filter.from,
      to: filter.to,
      weeks: [...weeks.values()],
      collisions: collisions.map((collision) => ({
        id: collision.id,
        audience: collision.audience.key,
        from: collision.from,
        to: collision.to,
        supportIds: collision.supportIds,
        leadAgencyIds: collision.leadAgencyIds,
        detectedAt: collision.detectedAt.toISOString(),
      })),
      rule: { limit: this.config.COLLISION_LIMIT, windowWeeks: this.config.COLLISION_WINDOW_WEEKS },
    };
  }
}

function emptyCell(entry: CalendarEntry): CalendarCellView {
  return {
    audience: entry.audienceKey,
    organisationKind: entry.organisationKind,
    sector: entry.sector,
    profession: entry.profession,
    releases: 0,
    consultationsClosing: 0,
    load: 0,
    items: [],
    collisionIds: [],
  };
}
