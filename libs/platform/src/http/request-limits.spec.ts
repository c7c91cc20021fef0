import Fastify from 'fastify';
import { connect } from 'node:net';
import { MAX_HEADER_BYTES, MAX_URL_BYTES, refuseLongUrls, requestLimitOptions } from './request-limits';

/** Sends raw HTTP and answers the status line, the content type and the body of what comes back. */
function send(port: number, raw: string): Promise<{ status: number; type: string; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(raw));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head, body] = answer.split('\r\n\r\n', 2);
      resolve({
        status: Number(/^HTTP\/1\.1 (\d+)/.exec(head)?.[1]),
        type: /content-type: ([^\r\n]+)/i.exec(head)?.[1] ?? '',
        body: JSON.parse(body || '{}') as Record<string, unknown>,
      });
    });
  });
}

describe('request limits', () => {
  const app = Fastify(requestLimitOptions);
  refuseLongUrls(app);
  app.get('/*', async () => ({ ok: true }));
  app.get('/areas/:code', async () => ({ ok: true }));
  let port: number;
  beforeAll(async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as { port: number }).port;
  });
  afterAll(() => app.close());

  const request = (target: string, headers = '') =>
    send(port, `GET ${target} HTTP/1.1\r\nHost: x\r\n${headers}Connection: close\r\n\r\n`);

  it('answers a URL up to the limit as usual', async () => {
    expect((await request(`/${'a'.repeat(MAX_URL_BYTES - 10)}`)).status).toBe(200);
  });

  it.each([
    ['over the URL limit', MAX_URL_BYTES + 1],
    ['over the whole header limit', MAX_HEADER_BYTES * 2],
    ['a megabyte long', 1024 * 1024],
  ])('answers a URL %s with 414 problem+json', async (_name, length) => {
    const answer = await request(`/${'a'.repeat(length)}`);
    expect(answer).toMatchObject({
      status: 414,
      type: expect.stringMatching(/^application\/problem\+json/),
      body: { status: 414, code: 'uri_too_long' },
    });
  });

  it('answers headers over the limit with 431 problem+json', async () => {
    const answer = await request('/needs', `X-Big: ${'b'.repeat(MAX_HEADER_BYTES)}\r\n`);
    expect(answer).toMatchObject({
      status: 431,
      type: expect.stringMatching(/^application\/problem\+json/),
      body: { status: 431, code: 'header_fields_too_large' },
    });
    const many = Array.from({ length: 200 }, (_, i) => `X-H${i}: ${'v'.repeat(100)}\r\n`).join('');
    expect((await request('/needs', many)).status).toBe(431);
  });

  it('answers a path the router cannot decode with 400 problem+json', async () => {
    const answer = await request('/areas/%zz');
    expect(answer).toMatchObject({
      status: 400,
      type: expect.stringMatching(/^application\/problem\+json/),
      body: { code: 'bad_url' },
    });
  });

  it('answers what is not HTTP with 400 problem+json', async () => {
    const answer = await send(port, 'NOT HTTP AT ALL\r\n\r\n');
    expect(answer).toMatchObject({
      status: 400,
      type: expect.stringMatching(/^application\/problem\+json/),
      body: { code: 'malformed_request' },
    });
  });
});
