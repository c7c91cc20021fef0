import { ORGANISATION_KINDS, OrganisationKind } from '@styrkedjan/contracts';

/** What a user or key may be: always within one organisation, the one its token or key names. */
export const ROLES = [
  'municipality',
  'region',
  'profession',
  'patient_organisation',
  'agency_editor',
  'steering_group',
  'government',
  'organisation_admin',
  'platform_operator',
] as const;
export type Role = (typeof ROLES)[number];

/**
 * Roles that administer rather than take part: never given to an API key. The platform operator's is held only in
 * the operating organisation (see rolesFor), so no member organisation's identity provider can hand it out.
 */
export const ADMINISTRATIVE_ROLES = ['organisation_admin', 'platform_operator'] as const satisfies readonly Role[];

/** Every act the policy decides, named for the README's matrix. */
export const ACTIONS = [
  'directory.read',
  'need.read',
  'need.identify',
  'need.endorse',
  'need.clarify',
  'need.triage',
  'need.merge',
  'support.read',
  'support.draft',
  'support.publish',
  'support.edit',
  'support.revise',
  'support.withdraw',
  'support.add-regional-addition',
  'feedback.read',
  'feedback.give',
  'consultation.read',
  'consultation.open',
  'consultation.manage',
  'consultation.respond',
  'subscriptions.read',
  'subscriptions.change',
  'inbox.read',
  'inbox.mark-read',
  'pipeline.read',
  'coordination.read',
  'overlap.resolve',
  'events.read',
  'audit.read',
  'dead-letters.manage',
  'api-keys.manage',
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * `any`: whatever organisation the object belongs to. `own`: only objects of the caller's own organisation
 * (its inbox, its subscriptions, its keys, the supports it leads).
 */
export type Scope = 'any' | 'own';

/** The organisation kinds in which a role can be held: a municipality's token cannot carry agency_editor. */
export const ROLE_KINDS: Record<Role, readonly OrganisationKind[]> = {
  municipality: ['municipality'],
  region: ['region'],
  profession: ['profession'],
  patient_organisation: ['patient_organisation'],
  agency_editor: ['agency'],
  // Steering groups sit with SKR, regions, agencies alike; every organisation has its administrators.
  steering_group: ORGANISATION_KINDS,
  government: ['government'],
  organisation_admin: ORGANISATION_KINDS,
  // Any kind, but only in the one operating organisation the configuration names (rolesFor).
  platform_operator: ORGANISATION_KINDS,
};

const LOCAL: Role[] = ['municipality', 'region', 'profession', 'patient_organisation'];
const MEMBERS: Role[] = [...LOCAL, 'agency_editor', 'steering_group', 'government'];
const EVERYONE: Role[] = [...ROLES];
const OVERSIGHT: Role[] = ['steering_group', 'government', 'platform_operator'];

const grant = (roles: Role[], scope: Scope) =>
  Object.fromEntries(roles.map((role) => [role, scope])) as Partial<Record<Role, Scope>>;

/** The one table of permissions: action → the roles that hold it, and in what scope. Absent means denied. */
export const PERMISSIONS: Record<Action, Partial<Record<Role, Scope>>> = {
  'directory.read': grant(EVERYONE, 'any'),
  'need.read': grant(EVERYONE, 'any'),
  'need.identify': grant(LOCAL, 'own'),
  // Endorsing and answering a question are acts of the caller's own organisation; whose need it is, the service knows.
  'need.endorse': grant(LOCAL, 'own'),
  'need.clarify': grant(LOCAL, 'own'),
  'need.triage': grant(['steering_group'], 'any'),
  'need.merge': grant(['steering_group'], 'any'),
  'support.read': grant(EVERYONE, 'any'),
  'support.draft': grant(['agency_editor'], 'own'),
  'support.publish': grant(['agency_editor'], 'own'),
  // The service checks the support's lead (and for edits its co-producers): the gateway does not know them.
  'support.edit': grant(['agency_editor'], 'own'),
  'support.revise': grant(['agency_editor'], 'own'),
  'support.withdraw': grant(['agency_editor'], 'own'),
  // A region adds its own text, for its municipalities.
  'support.add-regional-addition': grant(['region'], 'own'),
  'feedback.read': grant(EVERYONE, 'any'),
  'feedback.give': grant(LOCAL, 'own'),
  'consultation.read': grant(EVERYONE, 'any'),
  // Opening, extending, closing and answering: the support's lead agency, which the consultations service checks.
  'consultation.open': grant(['agency_editor'], 'own'),
  'consultation.manage': grant(['agency_editor'], 'own'),
  // Any member organisation may be a consultee; the service checks that the caller is one of the round's (403).
  'consultation.respond': grant(MEMBERS, 'own'),
  'subscriptions.read': grant(MEMBERS, 'own'),
  'subscriptions.change': grant(MEMBERS, 'own'),
  'inbox.read': grant(MEMBERS, 'own'),
  'inbox.mark-read': grant(MEMBERS, 'own'),
  'pipeline.read': grant(EVERYONE, 'any'),
  'coordination.read': grant(EVERYONE, 'any'),
  // An agency resolves overlaps it is party to (the coordination service checks which); steering groups any.
  'overlap.resolve': { ...grant(['agency_editor'], 'own'), ...grant(['steering_group'], 'any') },
  'events.read': grant(OVERSIGHT, 'any'),
  // The security log holds addresses (personal data): steering groups read it without them (the gateway's audit route).
  'audit.read': { ...grant(['steering_group', 'platform_operator'], 'any'), organisation_admin: 'own' },
  'dead-letters.manage': grant(['platform_operator'], 'any'),
  'api-keys.manage': grant(['organisation_admin'], 'own'),
};

/** Who asks: the organisation a token or key names, and its roles there. */
export interface Subject {
  organisationId: string;
  roles: readonly Role[];
}

/** The object acted on, as far as access goes: the organisation it belongs to. */
export interface Resource {
  organisationId: string;
}

export type Decision = { allowed: true } | { allowed: false; reason: 'no_role' | 'other_organisation'; detail: string };

/**
 * Whether `subject` may do `action`, to `resource` when one is named. Without a resource only the role
 * is checked; whoever holds the object then checks ownership with the object in hand (the supports
 * service knows a support's lead agency, the gateway does not).
 */
export function decide(subject: Subject, action: Action, resource?: Resource): Decision {
  const grants = PERMISSIONS[action];
  const scopes = subject.roles.map((role) => grants[role]).filter((scope): scope is Scope => scope !== undefined);
  if (!scopes.length) {
    const holders = Object.keys(grants).join(', ');
    return { allowed: false, reason: 'no_role', detail: `${action} needs one of the roles ${holders}.` };
  }
  if (!resource || scopes.includes('any') || sameId(resource.organisationId, subject.organisationId))
    return { allowed: true };
  return {
    allowed: false,
    reason: 'other_organisation',
    detail: `${action} is allowed only for the caller's own organisation.`,
  };
}

/** The widest scope in which `subject` may do `action`, or null when none of its roles may. */
export function scopeOf(subject: Subject, action: Action): Scope | null {
  const scopes = subject.roles.map((role) => PERMISSIONS[action][role]);
  return scopes.includes('any') ? 'any' : scopes.includes('own') ? 'own' : null;
}

/**
 * The roles of `claimed` that exist and can be held in an organisation of `kind`; the rest are ignored. The
 * platform operator's role counts only in the operating organisation (`operating`: the caller's organisation is the
 * one the configuration names): claimed by anyone else's token, it is no role at all.
 */
export function rolesFor(kind: OrganisationKind, claimed: readonly unknown[], operating = false): Role[] {
  const known = claimed.filter(
    (role): role is Role => typeof role === 'string' && (ROLES as readonly string[]).includes(role),
  );
  return [...new Set(known)].filter(
    (role) => ROLE_KINDS[role].includes(kind) && (role !== 'platform_operator' || operating),
  );
}

/** The role an organisation of a kind usually acts in: what a development token gets unless told otherwise. */
export const DEFAULT_ROLE_OF_KIND: Record<OrganisationKind, Role> = {
  municipality: 'municipality',
  region: 'region',
  profession: 'profession',
  patient_organisation: 'patient_organisation',
  agency: 'agency_editor',
  government: 'government',
  association: 'steering_group',
};

function sameId(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
