/**
 * `npm run token -- <organisation> [--role <role>]... [--user <id>] [--ttl <duration>]`: a signed token for
 * development and demos, from the locally kept key the gateway trusts in development mode. Never in
 * production: the command refuses unless development tokens are on (NODE_ENV=development, or
 * AUTH_DEV_TOKENS=true outside production).
 *
 *   <organisation>  `kind:code` of a seeded organisation (municipality:0180, region:12, agency:SOS) or its UUID;
 *                   `operator` for the operating organisation (PLATFORM_OPERATOR_ORGANISATION_ID, in development
 *                   agency:EHM by default) in the platform_operator role
 *   --role          a role of the policy; default the usual role of the organisation's kind
 *   --user          the user id (the `sub` claim); default dev-<role>@<organisation>
 *   --ttl           how long it is valid: 30m, 8h, 2d; default 8h
 */
import { parseArgs } from 'node:util';
import { SignJWT } from 'jose';
import { DEFAULT_ROLE_OF_KIND, ROLES, rolesFor } from '@styrkedjan/access';
import { ORGANISATION_KINDS, OrganisationKind } from '@styrkedjan/contracts';
import { ConfigError, UUID_PATTERN } from '@styrkedjan/platform';
import { DEV_ALGORITHM, DEV_ISSUER, loadOrCreateDevKey } from '../apps/gateway/src/auth/dev-keys';
import { parseAuthConfig } from '../apps/gateway/src/config/gateway.config';
import { organisationIdOf } from '../apps/directory/src/directory/domain/deterministic-id';

class UsageError extends Error {}

async function main(argv: string[]): Promise<string> {
  const auth = parseAuthConfig();
  if (!auth.devTokens) {
    throw new UsageError(
      'development tokens are off here (they need NODE_ENV=development or AUTH_DEV_TOKENS=true, and never NODE_ENV=production)',
    );
  }
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      role: { type: 'string', multiple: true },
      user: { type: 'string' },
      ttl: { type: 'string', default: '8h' },
    },
  });
  if (positionals.length !== 1)
    throw new UsageError('name one organisation: kind:code (municipality:0180) or its UUID');
  const operator = positionals[0] === 'operator';
  if (operator && !auth.operatorOrganisationId)
    throw new UsageError('no operating organisation is configured (PLATFORM_OPERATOR_ORGANISATION_ID)');
  const { organisationId, kind } = organisationOf(operator ? auth.operatorOrganisationId! : positionals[0]);
  const operating = organisationId === auth.operatorOrganisationId;
  const usual = operator ? ['platform_operator'] : kind ? [DEFAULT_ROLE_OF_KIND[kind]] : [];
  const roles = values.role?.flatMap((role) => role.split(',')) ?? usual;
  if (!roles.length) throw new UsageError('--role is needed when the organisation is given by its UUID');
  for (const role of roles) {
    if (!(ROLES as readonly string[]).includes(role))
      throw new UsageError(`--role ${role}: not one of ${ROLES.join(', ')}`);
    if (kind && !rolesFor(kind, [role], operating).length)
      throw new UsageError(`--role ${role}: cannot be held in an organisation of kind ${kind}`);
    if (role === 'platform_operator' && !operating)
      throw new UsageError(`--role ${role}: held only in the operating organisation (npm run token -- operator)`);
  }
  const user = values.user ?? `dev-${roles[0]}@${positionals[0]}`;
  const key = loadOrCreateDevKey(auth.devKeyDir);
  const { claims } = auth;
  return new SignJWT({ [claims.organisation]: organisationId, [claims.roles]: roles })
    .setProtectedHeader({ alg: DEV_ALGORITHM, kid: key.kid, typ: 'JWT' })
    .setIssuer(DEV_ISSUER)
    .setAudience(auth.audience)
    .setSubject(user)
    .setIssuedAt()
    .setNotBefore('0s')
    .setExpirationTime(ttlOf(values.ttl))
    .sign(key.privateKey);
}

function organisationOf(given: string): { organisationId: string; kind: OrganisationKind | null } {
  if (UUID_PATTERN.test(given)) return { organisationId: given.toLowerCase(), kind: null };
  const [kind, code] = given.split(':', 2);
  if (!code || !(ORGANISATION_KINDS as readonly string[]).includes(kind)) {
    throw new UsageError(`${given}: expected kind:code with kind one of ${ORGANISATION_KINDS.join(', ')}, or a UUID`);
  }
  return { organisationId: organisationIdOf(kind as OrganisationKind, code), kind: kind as OrganisationKind };
}

function ttlOf(ttl: string): string {
  const match = /^(\d{1,4})(m|h|d)$/.exec(ttl);
  if (!match || Number(match[1]) === 0) throw new UsageError(`--ttl ${ttl}: expected a duration like 30m, 8h or 2d`);
  if (match[2] === 'd' && Number(match[1]) > 30) throw new UsageError('--ttl: at most 30d');
  return `${match[1]}${match[2]}`;
}

main(process.argv.slice(2)).then(
  (token) => process.stdout.write(`${token}\n`),
  (error: Error) => {
    process.stderr.write(
      `token: ${error instanceof UsageError || error instanceof ConfigError ? error.message : error.stack}\n`,
    );
    process.exit(2);
  },
);
