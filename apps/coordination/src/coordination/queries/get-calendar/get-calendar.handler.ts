import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { COORDINATION_CONFIG, CoordinationConfig } from '../../../config/coordination.config';
import { checkCalendarRequest, isoWeekOf, releaseWarning } from '../../domain/calendar';
import { christmasPeriodsOf } from '../../domain/calendar-warnings';
import { CalendarRepository } from '../../persistence/calendar.repository';
import { CollisionsRepository } from '../../persistence/collisions.repository';
import { CalendarCellView, CalendarView, CalendarWeekView } from '../../views/calendar.view';
import { GetCalendarQuery } from './get-calendar.query';

const DAY_MS = 86_400_000;

/**
 * The weeks of a range with their load per audience cell, counted in the database (one row per week and cell,
 * however many supports): the releases planned, the consultations closing, a warning for each municipal release in
 * July or around Christmas, and the open collisions the cell's week falls in.
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
    const [loads, warned, open] = await Promise.all([
      this.calendar.loads(filter),
      this.calendar.municipalReleasesIn(filter, christmasPeriodsOf(filter.from, filter.to)),
      this.collisions.openBetween(this.dataSource.manager, filter.from, filter.to, filter.audienceKey),
    ]);
    const collisions = filter.agencyId
      ? open.filter((collision) => collision.leadAgencyIds.includes(filter.agencyId!.toLowerCase()))
      : open;
    const weeks = new Map<string, CalendarWeekView>();
    const cells = new Map<string, CalendarCellView>();
    for (const load of loads) {
      const { week } = isoWeekOf(load.start);
      let weekView = weeks.get(week);
      if (!weekView) weeks.set(week, (weekView = { week, start: load.start, audiences: [] }));
      const end = new Date(Date.parse(`${load.start}T00:00:00Z`) + 6 * DAY_MS).toISOString().slice(0, 10);
      const cell: CalendarCellView = {
        audience: load.audienceKey,
        organisationKind: load.organisationKind,
        sector: load.sector,
        profession: load.profession,
        releases: load.releases,
        consultationsClosing: load.consultationsClosing,
        load: load.releases + load.consultationsClosing,
        warnings: [],
        collisionIds: collisions
          .filter((c) => c.audience.key === load.audienceKey && c.from <= end && c.to >= load.start)
          .map((c) => c.id),
      };
      cells.set(`${load.start}|${load.audienceKey}`, cell);
      weekView.audiences.push(cell);
    }
    for (const entry of warned) {
      const warning = releaseWarning(entry.organisationKind, entry.day);
      const cell = cells.get(`${isoWeekOf(entry.day).start}|${entry.audienceKey}`);
      if (warning && cell)
        cell.warnings.push({ ...warning, supportId: entry.supportId, title: entry.title, day: entry.day });
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
