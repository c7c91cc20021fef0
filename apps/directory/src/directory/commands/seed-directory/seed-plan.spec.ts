import { sameArea, type Area } from '../../domain/area';
import { organisationIdOf } from '../../domain/deterministic-id';
import { sameOrganisation, type Organisation } from '../../domain/organisation';
import { countsOf, planSeed, Stored } from './seed-plan';

const area = (code: string, name = code): Area => ({ code, sector: 'health', name, nameEn: null });
const stored = <T>(entries: [string, T, number][]): Map<string, Stored<T>> =>
  new Map(entries.map(([key, value, version]) => [key, { value, version }]));

const region: Organisation = {
  id: organisationIdOf('region', '09'),
  code: '09',
  name: 'Region Gotland',
  nameEn: null,
  kind: 'region',
  sectors: ['health'],
  countyCode: '09',
  regionId: null,
  healthcareRegion: 'Stockholm-Gotland',
};

describe('seed plan', () => {
  it('adds everything to an empty directory', () => {
    const plan = planSeed([area('a'), area('b')], new Map(), (a) => a.code, sameArea);
    expect(plan.added.map((a) => a.code)).toEqual(['a', 'b']);
    expect(countsOf(plan)).toEqual({ added: 2, updated: 0, unchanged: 0 });
  });

  it('changes nothing when the directory already matches: a second seed is a no-op', () => {
    const plan = planSeed(
      [area('a'), area('b')],
      stored([
        ['a', area('a'), 1],
        ['b', area('b'), 3],
      ]),
      (a) => a.code,
      sameArea,
    );
    expect(countsOf(plan)).toEqual({ added: 0, updated: 0, unchanged: 2 });
  });

  it('updates only what differs, carrying the version it was read at', () => {
    const plan = planSeed(
      [area('a', 'Renamed'), area('b'), area('c')],
      stored([
        ['a', area('a'), 2],
        ['b', area('b'), 1],
      ]),
      (a) => a.code,
      sameArea,
    );
    expect(plan.updated).toEqual([{ value: area('a', 'Renamed'), previousVersion: 2 }]);
    expect(plan.added).toEqual([area('c')]);
    expect(plan.unchanged).toBe(1);
  });

  it('leaves alone what an administrator added beyond the reference data', () => {
    const plan = planSeed(
      [area('a')],
      stored([
        ['a', area('a'), 1],
        ['local', area('local'), 4],
      ]),
      (a) => a.code,
      sameArea,
    );
    expect(countsOf(plan)).toEqual({ added: 0, updated: 0, unchanged: 1 });
  });

  it('sees a change in any field of an organisation, including ones its events do not carry', () => {
    const key = (o: Organisation) => o.id;
    const was = stored([[region.id, region, 1]]);
    expect(countsOf(planSeed([{ ...region }], was, key, sameOrganisation))).toEqual({
      added: 0,
      updated: 0,
      unchanged: 1,
    });
    for (const changed of [
      { ...region, name: 'Region Gotland (ny)' },
      { ...region, nameEn: 'Gotland Region' },
      { ...region, sectors: ['health', 'social'] },
      { ...region, healthcareRegion: 'Mellansverige' },
      { ...region, countyCode: '01' },
      { ...region, regionId: organisationIdOf('region', '01') },
    ] satisfies Organisation[]) {
      expect(planSeed([changed], was, key, sameOrganisation).updated).toEqual([{ value: changed, previousVersion: 1 }]);
    }
  });
});
