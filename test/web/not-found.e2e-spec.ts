import { startTestApp, TestApp } from '../support/test-app';

/** An address nobody serves: a Swedish page for people, the API's JSON under /api. */
describe('unknown addresses', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it.each(['/finns-inte', '/terminer/HT2026/nagot-annat', '/static/saknas.css', '/apis'])(
    'answers %s with a Swedish 404 page',
    async (path) => {
      const response = await t.http().get(path).expect(404);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.text).toContain('<html lang="sv"');
      expect(response.text).toContain('Sidan finns inte');
      expect(response.text).not.toMatch(/Cannot GET|route_not_found/);
    },
  );

  it("answers a form posted to an unknown address, or a page's address with another method, with the same page", async () => {
    for (const response of [
      await t.http().post('/finns-inte').type('form').send({ a: '1' }).expect(404),
      await t.http().put('/logga-in').expect(404),
    ]) {
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.text).toContain('Sidan finns inte');
    }
  });

  it('answers a refusal raised before routing on a page in Swedish, on the API in JSON', async () => {
    // The sign-in form with a NUL in the address: the input check refuses it before any controller runs.
    const page = await t
      .http()
      .post('/logga-in')
      .type('form')
      .send({ email: 'a\u0000@x.se', password: 'x' })
      .expect(400);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('<html lang="sv"');
    expect(page.text).toContain('Texten innehåller ett tecken som inte kan sparas.');
    const api = await t.http().post('/api/auth/login').send({ email: 'a\u0000@x.se', password: 'x' }).expect(400);
    expect(api.body).toMatchObject({
      code: 'validation_failed',
      details: [expect.objectContaining({ field: 'email', code: 'ill_formed_text' })],
    });
  });

  it.each(['/api/nothing', '/api'])('keeps the JSON 404 route_not_found for %s', async (path) => {
    const response = await t.http().get(path).expect(404);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.body).toMatchObject({ statusCode: 404, code: 'route_not_found', params: { method: 'GET', path } });
  });
});
