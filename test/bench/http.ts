import { DEFAULT_ROLE_OF_KIND } from '@styrkedjan/access';
import type { OrganisationKind } from '@styrkedjan/contracts';
import type { TestSystem } from '@styrkedjan/testing';

/**
 * How the benchmark speaks to the gateway: as a seeded organisation, with a bearer token for the usual role
 * of its kind, signed by the test identity provider the gateway trusts (as real tokens would be, so the
 * figures include verifying them). One token per organisation, made once.
 */
export class Gateway {
  private readonly tokens = new Map<string, string>();

  private constructor(
    private readonly system: TestSystem,
    private readonly kinds: Map<string, OrganisationKind>,
  ) {}

  static async of(system: TestSystem): Promise<Gateway> {
    const { rows } = await system.db.query<{ id: string; kind: OrganisationKind }>(
      'SELECT id, kind FROM directory.organisations',
    );
    return new Gateway(system, new Map(rows.map((row) => [row.id, row.kind])));
  }

  /** The headers of every request the benchmark sends as this organisation. */
  headers(organisationId: string): Record<string, string> {
    let token = this.tokens.get(organisationId);
    if (!token) {
      const kind = this.kinds.get(organisationId);
      if (!kind) throw new Error(`no organisation ${organisationId} in the directory`);
      // Valid for the whole run (the harness's default is ten minutes).
      token = this.system.token(organisationId, DEFAULT_ROLE_OF_KIND[kind], {
        claims: { exp: Math.floor(Date.now() / 1000) + 4 * 3600 },
      });
      this.tokens.set(organisationId, token);
    }
    return { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  }

  /** A request through the gateway as an organisation; throws on a status other than the expected ones. */
  async call<T = any>(
    organisationId: string,
    method: string,
    path: string,
    body?: unknown,
    expected: number[] = [200, 201],
  ): Promise<T> {
    const response = await fetch(this.system.url + path, {
      method,
      headers: this.headers(organisationId),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!expected.includes(response.status))
      throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 500)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}
