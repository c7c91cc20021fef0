import { ORGANISATION_KINDS, OrganisationKind, Sector, SECTORS } from '@styrkedjan/contracts';

/** Who a support is for, as its draft states it: organisation kinds, sectors and, where given, professions. */
export interface Audience {
  organisationKinds: readonly OrganisationKind[];
  sectors: readonly Sector[];
  professions: readonly string[];
}

export const EMPTY_AUDIENCE: Audience = { organisationKinds: [], sectors: [], professions: [] };

/** One cell of the calendar: an organisation kind in a sector, and a profession where the support names one. */
export interface AudienceCell {
  key: string;
  organisationKind: OrganisationKind;
  sector: Sector;
  profession: string | null;
}

export function audienceKey(kind: OrganisationKind, sector: Sector, profession: string | null): string {
  return profession ? `${kind}:${sector}:${profession}` : `${kind}:${sector}`;
}

/**
 * The cells a support reaches: every kind × sector it names (its own sector when it names none), and the same
 * with each profession. A draft without organisation kinds (made before audiences existed) reaches no cell.
 */
export function audienceCells(audience: Audience, ownSector: Sector): AudienceCell[] {
  const sectors = audience.sectors.length ? audience.sectors : [ownSector];
  const professions: (string | null)[] = [null, ...audience.professions];
  return audience.organisationKinds.flatMap((organisationKind) =>
    sectors.flatMap((sector) =>
      professions.map((profession) => ({
        key: audienceKey(organisationKind, sector, profession),
        organisationKind,
        sector,
        profession,
      })),
    ),
  );
}

/** A cell named by its key (`municipality:social`, `region:health:Sjuksköterska`), or null when it names none. */
export function parseAudienceKey(key: string): AudienceCell | null {
  const [kind, sector, ...rest] = key.split(':');
  const profession = rest.length ? rest.join(':') : null;
  if (!(ORGANISATION_KINDS as readonly string[]).includes(kind)) return null;
  if (!(SECTORS as readonly string[]).includes(sector)) return null;
  if (profession !== null && (!profession.trim() || profession.length > 100)) return null;
  return { key, organisationKind: kind as OrganisationKind, sector: sector as Sector, profession };
}

/** What two audiences share: the kinds, sectors and professions both name. */
export function sharedAudience(a: Audience, b: Audience): Audience {
  const both = <T>(x: readonly T[], y: readonly T[]) => x.filter((value) => y.includes(value));
  return {
    organisationKinds: both(a.organisationKinds, b.organisationKinds),
    sectors: both(a.sectors, b.sectors),
    professions: both(a.professions, b.professions),
  };
}
