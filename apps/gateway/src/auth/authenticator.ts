import type { JWTPayload } from 'jose';
import { rolesFor } from '@styrkedjan/access';
import { RequestLike, UUID_PATTERN } from '@styrkedjan/platform';
import { ApiKeysRepository } from '../api-keys/persistence/api-keys.repository';
import { apiKeyIdOf, matchesHash, unusableBecause } from '../api-keys/domain/api-key';
import type { AuthConfig } from '../config/auth.config';
import { OrganisationResolver } from './organisation-resolver';
import type { Caller } from './principal';
import { AuthFailure, TokenVerifier } from './token-verifier';

export const API_KEY_HEADER = 'x-api-key';

/**
 * Turns the credential a request carries (a bearer token, or an API key in X-Api-Key) into the caller:
 * user, organisation (confirmed by the directory), the roles that fit it, and how it was established.
 * SAML, when it comes, ends in the same place: a sign-in endpoint that verifies the assertion and issues
 * a token this class already accepts.
 */
export class Authenticator {
  constructor(
    private readonly config: AuthConfig,
    private readonly tokens: TokenVerifier,
    private readonly organisations: OrganisationResolver,
    private readonly apiKeys: ApiKeysRepository,
  ) {}

  /** The caller, or null when the request carries no credential at all. */
  async authenticate(request: RequestLike): Promise<Caller | null> {
    const apiKey = request.headers[API_KEY_HEADER];
    const authorization = request.headers.authorization;
    if (apiKey !== undefined && authorization !== undefined)
      throw new AuthFailure('two_credentials', 'Send either a bearer token or an API key, not both.');
    if (apiKey !== undefined) return this.byApiKey(String(apiKey));
    if (authorization === undefined) return null;
    const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/i.exec(authorization);
    if (!match) throw new AuthFailure('malformed_authorization', 'The Authorization header must be "Bearer <token>".');
    return this.byToken(match[1]);
  }

  private async byToken(token: string): Promise<Caller> {
    const { claims, method } = await this.tokens.verify(token);
    const { user, organisation, roles } = this.config.claims;
    const userId = claims[user];
    if (typeof userId !== 'string' || !userId || userId.length > 200)
      throw new AuthFailure('no_user', `The token's ${user} claim must name the user.`);
    const organisationId = await this.knownOrganisation(claims[organisation], organisation);
    return {
      ...organisationId,
      userId,
      method,
      roles: rolesFor(organisationId.organisationKind, rolesClaim(claims, roles), this.operates(organisationId)),
      apiKeyId: null,
    };
  }

  private async byApiKey(key: string): Promise<Caller> {
    const id = apiKeyIdOf(key);
    const found = id ? await this.apiKeys.findForAuthentication(id) : null;
    if (!found || !matchesHash(key, found.hash)) throw new AuthFailure('unknown_api_key', 'The API key is not valid.');
    const unusable = unusableBecause(found.key, new Date());
    if (unusable) throw new AuthFailure(`api_key_${unusable}`, `The API key is ${unusable}.`);
    const organisation = await this.knownOrganisation(found.key.organisationId, 'organisation');
    void this.apiKeys.touch(found.key.id).catch(() => undefined); // last use is a hint, not worth failing a request for
    return {
      ...organisation,
      userId: `api-key:${found.key.id}`,
      method: 'api-key',
      roles: rolesFor(organisation.organisationKind, [found.key.role]),
      apiKeyId: found.key.id,
    };
  }

  /** Whether the organisation is the one that runs the platform, whose principals alone may be its operators. */
  private operates(organisation: { organisationId: string }): boolean {
    return organisation.organisationId.toLowerCase() === this.config.operatorOrganisationId;
  }

  private async knownOrganisation(value: unknown, claim: string) {
    if (typeof value !== 'string' || !UUID_PATTERN.test(value))
      throw new AuthFailure('no_organisation', `The ${claim} claim must be the UUID of an organisation.`);
    const organisation = await this.organisations.resolve(value);
    if (!organisation)
      throw new AuthFailure('unknown_organisation', `The organisation ${value} is not in the directory.`);
    return organisation;
  }
}

/** Roles as a JSON array or a space-separated string: providers do both. */
function rolesClaim(claims: JWTPayload, name: string): unknown[] {
  const value = claims[name];
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  return [];
}
