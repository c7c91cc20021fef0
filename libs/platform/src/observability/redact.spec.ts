import { redact, redactJsonLine } from './redact';

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

describe('redactJsonLine', () => {
  it('masks inside every string of a line, also right after an escaped newline', () => {
    const line = JSON.stringify({ message: 'failed', stack: 'Error: x\nBearer abc.def.ghi\n    at somewhere' });
    const masked = JSON.parse(redactJsonLine(line));
    expect(masked).toEqual({ message: 'failed', stack: 'Error: x\nBearer [redacted]\n    at somewhere' });
  });

  it('keeps the line valid JSON: a mask never reaches past the end of its string', () => {
    const line = JSON.stringify({ url: '/needs?access_token=abc', next: 'kept', pin: '191212121212' });
    expect(JSON.parse(redactJsonLine(line))).toEqual({
      url: '/needs?access_token=[redacted]',
      next: 'kept',
      pin: '[redacted pin]',
    });
  });

  it('leaves a line with nothing to mask byte for byte', () => {
    const line = '{"level":"info","time":"2027-03-01T00:00:00.000Z","message":"listening on http://127.0.0.1:3000"}\n';
    expect(redactJsonLine(line)).toBe(line);
  });
});
