import Fastify from 'fastify';
import { jsonBodyParser } from './bootstrap';

describe('the JSON body parser', () => {
  const app = Fastify();
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, jsonBodyParser(app));
  app.post('/', async (request) => ({ body: request.body ?? null }));
  let url: string;
  const post = async (body: string) => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    return { statusCode: response.status, json: () => response.json() };
  };

  beforeAll(async () => {
    url = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => app.close());

  it('takes an empty body sent as JSON for no body, as clients that always send the header expect', async () => {
    const response = await post('');
    expect(response.statusCode).toBe(200);
    expect(await response.json()).toEqual({ body: null });
  });

  it('parses a body and still refuses malformed JSON and __proto__ keys', async () => {
    expect(await (await post('{"title":"x"}')).json()).toEqual({ body: { title: 'x' } });
    expect((await post('{"title":')).statusCode).toBe(400);
    expect((await post('{"__proto__":{"admin":true}}')).statusCode).toBe(400);
  });
});
