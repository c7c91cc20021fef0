import { redact, RedactingLogger } from './redact';

describe('redact', () => {
  const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbm5hIn0.c2lnbmF0dXJl';

  it.each([
    [`Authorization: Bearer ${jwt}`, 'Authorization: Bearer [redacted]'],
    [`token in a message ${jwt} here`, 'token in a message [redacted token] here'],
    [`key stk_${'a'.repeat(32)}_${'b'.repeat(43)} used`, 'key stk_[redacted] used'],
    ['GET /needs?access_token=abc&limit=5', 'GET /needs?access_token=[redacted]&limit=5'],
    ['GET /x?api_key=s3cret', 'GET /x?api_key=[redacted]'],
    [
      'person 19121212-1212 and 121212-1212 and 191212121212',
      'person [redacted pin] and [redacted pin] and [redacted pin]',
    ],
  ])('masks %s', (input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  it.each([
    'GET /needs/0b7e5a3c-8f0e-4c52-9d4e-1f2a3b4c5d6e',
    'migration 1763856000700 ran',
    'listening on http://127.0.0.1:3000',
    '2027-03-01T00:00:00.000Z',
  ])('leaves %s alone', (input) => {
    expect(redact(input)).toBe(input);
  });
});

describe('RedactingLogger', () => {
  it('writes messages and stack traces redacted', () => {
    const written: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => (written.push(String(chunk)), true));
    const errors = jest
      .spyOn(process.stderr, 'write')
      .mockImplementation((chunk) => (written.push(String(chunk)), true));
    try {
      const logger = new RedactingLogger();
      logger.log('GET /needs?access_token=abc');
      logger.error('failed', 'Error: Bearer abc.def.ghi\n    at somewhere', 'Test');
    } finally {
      spy.mockRestore();
      errors.mockRestore();
    }
    const output = written.join('');
    expect(output).toContain('access_token=[redacted]');
    expect(output).toContain('Bearer [redacted]');
    expect(output).not.toContain('abc.def.ghi');
  });
});
