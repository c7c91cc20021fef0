import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReferenceDataModule } from '@styrkedjan/reference-data';
import { ServiceTestbed } from '@styrkedjan/testing';
import { ConsultationsConfigModule } from '../src/config/consultations.config';
import { ConsultationsModule } from '../src/consultations/consultations.module';
import { addDays, nextWorkingDay, swedishDateOf } from '../src/consultations/domain/working-days';
import { consultationsDatabase } from '../src/database/consultations.database';

/** The consultations service's providers on a database of their own, with a clock the spec moves. */
export async function startConsultationsTestbed(env: Record<string, string> = {}) {
  const clockFile = join(mkdtempSync(join(tmpdir(), 'consultations-clock-')), 'offset');
  writeFileSync(clockFile, '0');
  const serviceEnv = { CONSULTATION_CLOCK_FILE: clockFile, ...env };
  const testbed = await ServiceTestbed.start({
    service: 'consultations',
    database: consultationsDatabase,
    imports: [
      ConsultationsConfigModule.forRoot({ ...process.env, NODE_ENV: 'test', ...serviceEnv }),
      ReferenceDataModule.forRoot({ organisations: true }),
      ConsultationsModule,
    ],
    env: serviceEnv,
    queues: env.SERVICE_ROLES !== undefined,
  });
  return {
    testbed,
    /** Moves the services' time to `at` (time still runs from there). */
    setNow: (at: Date) => writeFileSync(clockFile, String(at.getTime() - Date.now())),
  };
}

/** The first working day at least `days` from today (Swedish date). */
export function workingDayIn(days: number): string {
  return nextWorkingDay(addDays(swedishDateOf(new Date()), days));
}

export async function knowOrganisation(
  testbed: ServiceTestbed,
  id: string,
  kind: string,
  regionId: string | null = null,
): Promise<void> {
  await testbed.db.query(
    `INSERT INTO known_organisations (id, name, kind, region_id, aggregate_version) VALUES ($1, $2, $3, $4, 1)`,
    [id, `${kind} ${id.slice(0, 4)}`, kind, regionId],
  );
}

export async function knowDraft(testbed: ServiceTestbed, supportId: string, leadAgencyId: string): Promise<void> {
  await testbed.db.query(
    `INSERT INTO known_supports (support_id, lead_agency_id, title, area_code, status, draft_edition, aggregate_version)
     VALUES ($1, $2, 'Vård vid depression', 'health.primary-care', 'draft', '1.0', 1)`,
    [supportId, leadAgencyId],
  );
}
