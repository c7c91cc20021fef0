import { unstorableText } from './validation';

describe('text PostgreSQL cannot store', () => {
  it('names each string with a NUL character by its path in the request', () => {
    expect(
      unstorableText({ title: 'a\u0000', needIds: ['ok', '\u0000'], address: { street: 'x\u0000y' }, n: 1 }, ''),
    ).toEqual([
      { field: 'title', message: 'must not contain a NUL character' },
      { field: 'needIds[1]', message: 'must not contain a NUL character' },
      { field: 'address.street', message: 'must not contain a NUL character' },
    ]);
    expect(unstorableText('\u0000', 'code')).toEqual([{ field: 'code', message: 'must not contain a NUL character' }]);
    expect(unstorableText({ ['k\u0000']: 1 }, '')).toEqual([
      { field: 'body', message: 'must not name a field with a NUL character' },
    ]);
  });

  it('lets every other character through, control characters PostgreSQL stores included', () => {
    expect(unstorableText({ title: 'Åäö\t\n\u0001\u001f\u007f😀', n: null, list: [] }, '')).toEqual([]);
  });
});
