import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { organisationIdOf } from '../apps/directory/src/directory/domain/deterministic-id';
import { DEV_OPERATOR_ORGANISATION } from '@styrkedjan/access';

describe('the operating organisation of development mode', () => {
  it('is the id the seed gives the organisation it names, and that organisation is seeded', () => {
    const [kind, code] = DEV_OPERATOR_ORGANISATION.code.split(':');
    expect(organisationIdOf(kind as 'agency', code)).toBe(DEV_OPERATOR_ORGANISATION.id);
    const seeded = readFileSync(join(__dirname, '..', 'apps', 'directory', 'src', 'seed', 'data', 'organizations.csv'));
    expect(String(seeded)).toMatch(new RegExp(`^${code},.*,${kind},`, 'm'));
  });
});
