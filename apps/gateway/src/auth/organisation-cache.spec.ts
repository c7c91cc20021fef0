import { OrganisationCache } from './organisation-cache';
import type { DirectoryOrganisation, FindOrganisation } from './directory-client';
import { OrganisationResolver } from './organisation-resolver';

const A = '5e2c1c7a-4d3b-5a41-9f1e-2b3c4d5e6f70';
const B = '6f3d2d8b-5e4c-5b52-8a2f-3c4d5e6f7a81';
const C = '7a4e3e9c-6f5d-5c63-9b3a-4d5e6f7a8b92';
const principal = (organisationId: string) => ({ organisationId, organisationKind: 'municipality' as const });

describe('OrganisationCache', () => {
  let now: number;
  const clock = () => now;
  beforeEach(() => (now = 1_000_000));

  it('answers from memory until the TTL has passed', () => {
    const cache = new OrganisationCache(10, 60_000, clock);
    cache.set(A, principal(A));
    now += 59_999;
    expect(cache.get(A)).toEqual(principal(A));
    now += 1;
    expect(cache.get(A)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('holds at most its size, dropping the least recently used', () => {
    const cache = new OrganisationCache(2, 60_000, clock);
    cache.set(A, principal(A));
    cache.set(B, principal(B));
    cache.get(A); // A is now more recent than B
    cache.set(C, principal(C));
    expect(cache.size).toBe(2);
    expect(cache.get(B)).toBeUndefined();
    expect(cache.get(A)).toEqual(principal(A));
    expect(cache.get(C)).toEqual(principal(C));
  });

  it('keeps nothing when the TTL is 0', () => {
    const cache = new OrganisationCache(10, 0, clock);
    cache.set(A, principal(A));
    expect(cache.get(A)).toBeUndefined();
  });
});

describe('OrganisationResolver', () => {
  let now: number;
  let answers: Map<string, DirectoryOrganisation | null | Error>;
  let asked: string[];
  const find: FindOrganisation = async (id) => {
    asked.push(id);
    await new Promise((resolve) => setImmediate(resolve));
    const answer = answers.get(id) ?? null;
    if (answer instanceof Error) throw answer;
    return answer;
  };
  const resolver = () => new OrganisationResolver(find, new OrganisationCache(100, 60_000, () => now));

  beforeEach(() => {
    now = 0;
    asked = [];
    answers = new Map([[A, { id: A, kind: 'region' }]]);
  });

  it('turns a known organisation into its id and kind and asks the directory once per TTL', async () => {
    const principals = resolver();
    const expected = { organisationId: A, organisationKind: 'region' };
    expect(await principals.resolve(A)).toEqual(expected);
    expect(await principals.resolve(A.toUpperCase())).toEqual(expected);
    expect(asked).toEqual([A]);
    now += 60_000;
    await principals.resolve(A);
    expect(asked).toEqual([A, A]);
  });

  it('asks once for concurrent requests naming the same organisation', async () => {
    const principals = resolver();
    const results = await Promise.all([principals.resolve(A), principals.resolve(A), principals.resolve(A)]);
    expect(results.every((result) => result?.organisationId === A)).toBe(true);
    expect(asked).toEqual([A]);
  });

  it('does not remember an unknown organisation, so one registered a moment later works at once', async () => {
    const principals = resolver();
    expect(await principals.resolve(B)).toBeNull();
    answers.set(B, { id: B, kind: 'agency' });
    expect(await principals.resolve(B)).toMatchObject({ organisationId: B, organisationKind: 'agency' });
    expect(asked).toEqual([B, B]);
  });

  it('does not remember a failed lookup', async () => {
    const principals = resolver();
    answers.set(B, new Error('directory down'));
    await expect(principals.resolve(B)).rejects.toThrow('directory down');
    answers.set(B, { id: B, kind: 'agency' });
    expect(await principals.resolve(B)).toMatchObject({ organisationId: B });
    expect(asked).toEqual([B, B]);
  });
});
