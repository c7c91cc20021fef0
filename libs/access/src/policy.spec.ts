import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ORGANISATION_KINDS } from '@styrkedjan/contracts';
import { parseMatrixTable, permissionMatrix } from './permission-matrix';
import { Action, ACTIONS, decide, Role, ROLES, rolesFor, scopeOf } from './policy';

const OWN = '11111111-1111-5111-8111-111111111111';
const OTHER = '22222222-2222-5222-8222-222222222222';

/**
 * The matrix written out by hand, independently of the policy's table: `yes` for any organisation's
 * objects, `own` for the caller's own organisation only, `no` for never.
 * Columns: municipality, region, profession, patient_organisation, agency_editor, steering_group, government,
 * organisation_admin, platform_operator.
 */
const EXPECTED: Record<Action, string> = {
  'directory.read': '      yes yes yes yes yes yes yes yes yes',
  'need.read': '           yes yes yes yes yes yes yes yes yes',
  'need.identify': '       own own own own no  no  no  no  no',
  'need.endorse': '        own own own own no  no  no  no  no',
  'need.clarify': '        own own own own no  no  no  no  no',
  'need.triage': '         no  no  no  no  no  yes no  no  no',
  'need.merge': '          no  no  no  no  no  yes no  no  no',
  'support.read': '        yes yes yes yes yes yes yes yes yes',
  'support.draft': '       no  no  no  no  own no  no  no  no',
  'support.publish': '     no  no  no  no  own no  no  no  no',
  'support.edit': '        no  no  no  no  own no  no  no  no',
  'support.revise': '      no  no  no  no  own no  no  no  no',
  'support.withdraw': '    no  no  no  no  own no  no  no  no',
  'support.add-regional-addition': 'no own no no no no no no no',
  'feedback.read': '       yes yes yes yes yes yes yes yes yes',
  'feedback.give': '       own own own own no  no  no  no  no',
  'consultation.read': '   yes yes yes yes yes yes yes yes yes',
  'consultation.open': '   no  no  no  no  own no  no  no  no',
  'consultation.manage': ' no  no  no  no  own no  no  no  no',
  'consultation.respond': 'own own own own own own own no  no',
  'subscriptions.read': '  own own own own own own own no  no',
  'subscriptions.change': 'own own own own own own own no  no',
  'inbox.read': '          own own own own own own own no  no',
  'inbox.mark-read': '     own own own own own own own no  no',
  'pipeline.read': '       yes yes yes yes yes yes yes yes yes',
  'coordination.read': '   yes yes yes yes yes yes yes yes yes',
  'overlap.resolve': '     no  no  no  no  own yes no  no  no',
  'events.read': '         no  no  no  no  no  yes yes no  yes',
  'audit.read': '          no  no  no  no  no  yes no  own yes',
  'dead-letters.manage': ' no  no  no  no  no  no  no  no  yes',
  'api-keys.manage': '     no  no  no  no  no  no  no  own no',
};
const expected = (action: Action, role: Role) => EXPECTED[action].trim().split(/\s+/)[ROLES.indexOf(role)];

describe('access policy', () => {
  const cells = ACTIONS.flatMap((action) => ROLES.map((role) => [action, role, expected(action, role)] as const));

  it.each(cells)('%s by %s: %s', (action, role, cell) => {
    const subject = { organisationId: OWN, roles: [role] };
    const own = decide(subject, action, { organisationId: OWN });
    const other = decide(subject, action, { organisationId: OTHER });
    const roleOnly = decide(subject, action);
    expect(own.allowed).toBe(cell !== 'no');
    expect(roleOnly.allowed).toBe(cell !== 'no');
    expect(other.allowed).toBe(cell === 'yes');
    if (!other.allowed) expect(other.reason).toBe(cell === 'no' ? 'no_role' : 'other_organisation');
  });

  it('denies everything to a subject without roles', () => {
    for (const action of ACTIONS)
      expect(decide({ organisationId: OWN, roles: [] }, action)).toMatchObject({ allowed: false, reason: 'no_role' });
  });

  it('takes the widest scope of several roles', () => {
    expect(
      decide({ organisationId: OWN, roles: ['organisation_admin', 'steering_group'] }, 'audit.read', {
        organisationId: OTHER,
      }).allowed,
    ).toBe(true);
    expect(scopeOf({ organisationId: OWN, roles: ['organisation_admin', 'steering_group'] }, 'audit.read')).toBe('any');
    expect(scopeOf({ organisationId: OWN, roles: ['municipality', 'organisation_admin'] }, 'audit.read')).toBe('own');
    expect(scopeOf({ organisationId: OWN, roles: ['municipality'] }, 'audit.read')).toBeNull();
    expect(
      decide({ organisationId: OWN, roles: ['municipality', 'organisation_admin'] }, 'api-keys.manage', {
        organisationId: OTHER,
      }).allowed,
    ).toBe(false);
  });

  it('compares organisation ids regardless of case', () => {
    expect(
      decide({ organisationId: OWN, roles: ['municipality'] }, 'inbox.read', { organisationId: OWN.toUpperCase() })
        .allowed,
    ).toBe(true);
  });

  it('keeps only known roles that fit the organisation kind', () => {
    expect(
      rolesFor('municipality', ['municipality', 'agency_editor', 'superuser', 7, 'organisation_admin', 'municipality']),
    ).toEqual(['municipality', 'organisation_admin']);
    expect(rolesFor('agency', ['agency_editor', 'region'])).toEqual(['agency_editor']);
    expect(rolesFor('government', ['government', 'steering_group'])).toEqual(['government', 'steering_group']);
    for (const kind of ORGANISATION_KINDS)
      expect(rolesFor(kind, ['organisation_admin', 'steering_group'])).toEqual([
        'organisation_admin',
        'steering_group',
      ]);
  });

  it('lets only the operating organisation hold the platform operator role, whatever a token claims', () => {
    for (const kind of ORGANISATION_KINDS) {
      expect(rolesFor(kind, ['platform_operator', 'organisation_admin'])).toEqual(['organisation_admin']);
      expect(rolesFor(kind, ['platform_operator'], true)).toEqual(['platform_operator']);
    }
    // The old catch-all `admin` is no role any more: a provider still sending it grants nothing.
    expect(rolesFor('municipality', ['admin'])).toEqual([]);
  });

  it('never lets an organisation administrator reach an operator action or the whole security log', () => {
    const admin = { organisationId: OWN, roles: rolesFor('municipality', ['organisation_admin', 'platform_operator']) };
    expect(decide(admin, 'dead-letters.manage')).toMatchObject({ allowed: false, reason: 'no_role' });
    expect(decide(admin, 'events.read')).toMatchObject({ allowed: false, reason: 'no_role' });
    expect(decide(admin, 'audit.read', { organisationId: OTHER })).toMatchObject({
      allowed: false,
      reason: 'other_organisation',
    });
    expect(decide(admin, 'audit.read', { organisationId: OWN }).allowed).toBe(true);
  });

  // The services no longer restate these: the policy, decided at the gateway, is the only place they live.
  it.each([
    ['need.identify', ['municipality', 'region', 'profession', 'patient_organisation']],
    ['feedback.give', ['municipality', 'region', 'profession', 'patient_organisation']],
    ['support.draft', ['agency']],
    ['support.publish', ['agency']],
  ] as const)('lets only organisations of the kinds that %s does it', (action, kinds) => {
    for (const kind of ORGANISATION_KINDS) {
      const mayAct = decide({ organisationId: OWN, roles: rolesFor(kind, ROLES) }, action).allowed;
      expect([kind, mayAct]).toEqual([kind, (kinds as readonly string[]).includes(kind)]);
    }
  });

  it('is the matrix the README shows', () => {
    const readme = readFileSync(join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
    expect(parseMatrixTable(readme)).toEqual(permissionMatrix());
  });
});
