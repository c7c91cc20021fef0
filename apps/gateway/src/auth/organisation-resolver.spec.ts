import type { DirectoryOrganisation, FindOrganisation } from './directory-client';
import { OrganisationResolver } from './organisation-resolver';

const A = '5e2c1c7a-4d3b-5a41-9f1e-2b3c4d5e6f70';
const B = '6f3d2d8b-5e4c-5b52-8a2f-3c4d5e6f7a81';
const C = '7a4e3e9c-6f5d-5c63-9b3a-4d5e6f7a8b92';

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
  const resolver = (maxEntries = 100, ttlMs = 60_000) =>
    new OrganisationResolver(find, { maxEntries, ttlMs, now: () => now });

  beforeEach(() => {
    now = 1_000_000;
    asked = [];
    answers = new Map([
      [A, { id: A, kind: 'region' }],
      [B, { id: B, kind: 'municipality' }],
      [C, { id: C, kind: 'agency' }],
    ]);
  });

  it('turns a known organisation into its id and kind and asks the directory once per TTL', async () => {
    const principals = resolver();
    const expected = { organisationId: A, organisationKind: 'region' };
    expect(await principals.resolve(A)).toEqual(expected);
    expect(await principals.resolve(A.toUpperCase())).toEqual(expected);
    now += 60_000;
    expect(await principals.resolve(A)).toEqual(expected);
    expect(asked).toEqual([A]);
    now += 1;
    await principals.resolve(A);
    expect(asked).toEqual([A, A]);
  });

  it('remembers at most its size, dropping the least recently used', async () => {
    const principals = resolver(2);
    await principals.resolve(A);
    await principals.resolve(B);
    await principals.resolve(A); // A is now more recent than B
    await principals.resolve(C);
    await principals.resolve(A);
    await principals.resolve(B);
    expect(asked).toEqual([A, B, C, B]);
  });

  it('remembers nothing when the TTL is 0', async () => {
    const principals = resolver(100, 0);
    await principals.resolve(A);
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
    answers.delete(B);
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
