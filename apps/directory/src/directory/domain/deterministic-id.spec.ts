import { DIRECTORY_ID_NAMESPACE, organisationIdOf, uuidV5 } from './deterministic-id';

const DNS_NAMESPACE = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

describe('deterministic ids', () => {
  it('derives UUID v5 as RFC 9562 does', () => {
    expect(uuidV5('www.example.com', DNS_NAMESPACE)).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('hashes names as UTF-8, so Swedish letters give the same id as other implementations', () => {
    // Python: uuid.uuid5(uuid.NAMESPACE_URL, 'https://styrkedjan.example/Åre')
    expect(uuidV5('https://styrkedjan.example/Åre', URL_NAMESPACE)).toBe('5ad288c2-9eea-5e65-ba4f-cd111e5d5fac');
  });

  it('accepts an upper-case namespace and refuses one that is not a UUID', () => {
    expect(uuidV5('www.example.com', DNS_NAMESPACE.toUpperCase())).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    expect(() => uuidV5('x', 'not-a-uuid')).toThrow('namespace is not a UUID');
  });

  it('never changes an organisation id: other services keep references to it', () => {
    expect(DIRECTORY_ID_NAMESPACE).toBe('3f3c6940-483c-4c7b-8fbd-c1fb3523fb01');
    expect(organisationIdOf('region', '01')).toBe('64420b84-f307-57bd-91d5-d137eb349543');
    expect(organisationIdOf('municipality', '0980')).toBe('c136e212-3931-5049-8b58-43784b1c994c');
  });

  it('tells apart a municipality and a region with the same code', () => {
    expect(organisationIdOf('region', '09')).not.toBe(organisationIdOf('municipality', '09'));
    expect(organisationIdOf('region', '09')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});
