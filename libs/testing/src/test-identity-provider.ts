import { createHash, generateKeyPairSync, KeyObject, sign } from 'node:crypto';
import { once } from 'node:events';
import { createServer, Server } from 'node:http';

export interface TokenOptions {
  /** Claims to add or replace (`exp`, `nbf`, `iss`, `aud`, …); `undefined` removes one. */
  claims?: Record<string, unknown>;
  /** Header fields to add or replace (`alg`, `kid`). */
  header?: Record<string, unknown>;
  /** Sign with this key instead of the published one (a wrong signature). */
  signingKey?: KeyObject;
  /** Leave the signature empty, as `alg: none` tokens do. */
  unsigned?: boolean;
}

/**
 * A stand-in for an organisation's identity provider: an RSA key published as a JWKS on a local HTTP
 * endpoint, and tokens signed with it, synchronously so tests can build headers inline.
 */
export class TestIdentityProvider {
  readonly issuer: string;
  readonly audience = 'styrkedjan-test';
  readonly kid: string;
  private readonly privateKey: KeyObject;

  private constructor(
    private readonly server: Server,
    readonly jwksUrl: string,
    keyPair: { privateKey: KeyObject; publicKey: KeyObject },
  ) {
    this.privateKey = keyPair.privateKey;
    this.kid = createHash('sha256')
      .update(keyPair.publicKey.export({ format: 'der', type: 'spki' }))
      .digest('base64url')
      .slice(0, 16);
    this.issuer = new URL('/', jwksUrl).toString();
  }

  static async start(): Promise<TestIdentityProvider> {
    const keyPair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    let jwks = '';
    const server = createServer((request, response) => {
      if (request.url !== '/jwks.json') return void response.writeHead(404).end();
      response.writeHead(200, { 'content-type': 'application/json' }).end(jwks);
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as { port: number };
    const provider = new TestIdentityProvider(server, `http://127.0.0.1:${port}/jwks.json`, keyPair);
    jwks = JSON.stringify({
      keys: [{ ...keyPair.publicKey.export({ format: 'jwk' }), kid: provider.kid, alg: 'RS256', use: 'sig' }],
    });
    return provider;
  }

  /** What the gateway needs to trust this provider. */
  gatewayEnv(): Record<string, string> {
    return {
      AUTH_JWKS_URL: this.jwksUrl,
      AUTH_ISSUER: this.issuer,
      AUTH_AUDIENCE: this.audience,
      AUTH_DEV_TOKENS: 'false',
    };
  }

  /** A token for a user of an organisation in the given roles, valid for ten minutes unless told otherwise. */
  token(organisationId: string, roles: string[], options: TokenOptions = {}): string {
    const now = Math.floor(Date.now() / 1000);
    const claims: Record<string, unknown> = {
      iss: this.issuer,
      aud: this.audience,
      sub: `user-${roles.join('+')}-${organisationId.slice(0, 8)}`,
      org_id: organisationId,
      roles,
      iat: now,
      nbf: now - 1,
      exp: now + 600,
      ...options.claims,
    };
    const header = { alg: 'RS256', typ: 'JWT', kid: this.kid, ...options.header };
    const input = `${base64url(header)}.${base64url(claims)}`;
    if (options.unsigned) return `${input}.`;
    return `${input}.${sign('sha256', Buffer.from(input), options.signingKey ?? this.privateKey).toString('base64url')}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
