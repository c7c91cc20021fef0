/**
 * The headers of every request the benchmark sends through the gateway, as one organisation. The one
 * place to change when the gateway takes bearer tokens instead of the X-Organisation-Id stand-in.
 */
export function requestHeaders(organisationId: string): Record<string, string> {
  return { 'X-Organisation-Id': organisationId, 'Content-Type': 'application/json' };
}

/** A request through the gateway as an organisation; throws on a status other than the expected ones. */
export async function call<T = any>(
  base: string,
  organisationId: string | null,
  method: string,
  path: string,
  body?: unknown,
  expected: number[] = [200, 201],
): Promise<T> {
  const response = await fetch(base + path, {
    method,
    headers: organisationId ? requestHeaders(organisationId) : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!expected.includes(response.status)) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 500)}`);
  return (text ? JSON.parse(text) : undefined) as T;
}
