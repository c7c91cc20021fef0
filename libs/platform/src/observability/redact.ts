const RULES: [RegExp, string][] = [
  [/\bBearer\s+[A-Za-z0-9._~+/-]+=*/gi, 'Bearer [redacted]'],
  [/\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*/g, '[redacted token]'],
  [/\bstk_[A-Za-z0-9_-]+/g, 'stk_[redacted]'],
  [/([?&](?:access_token|id_token|token|api_key|apikey|key)=)[^&\s#]+/gi, '$1[redacted]'],
  // Swedish personal identity numbers (personnummer, samordningsnummer): YYMMDD-NNNN, YYYYMMDD-NNNN, or 12 digits.
  [/\b(?:19|20)?\d{6}[-+]\d{4}\b/g, '[redacted pin]'],
  [/\b(?:19|20)\d{10}\b/g, '[redacted pin]'],
];

/** Masks what must never reach a log: bearer tokens, JWTs, API keys, credentials in query strings, personal identity numbers. */
export function redact(text: string): string {
  return RULES.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), text);
}

const JSON_STRING = /"(?:[^"\\]|\\.)*"/g;

/**
 * A JSON log line with every string in it redacted: messages, stack traces, URLs, whatever field a caller logs.
 * Each string is unescaped before the masks see it (so a token after an escaped newline is still found) and
 * re-escaped after, so a mask never reaches across a quote into the next field.
 */
export function redactJsonLine(line: string): string {
  return line.replace(JSON_STRING, (literal) => {
    const text = literal.includes('\\') ? (JSON.parse(literal) as string) : literal.slice(1, -1);
    const masked = redact(text);
    return masked === text ? literal : JSON.stringify(masked);
  });
}
