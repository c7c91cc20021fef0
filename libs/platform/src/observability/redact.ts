import { ConsoleLogger, LogLevel } from '@nestjs/common';

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

/** The console logger every service uses: each line and stack trace is passed through `redact` on its way out. */
export class RedactingLogger extends ConsoleLogger {
  protected override stringifyMessage(message: unknown, logLevel: LogLevel): string {
    return redact(super.stringifyMessage(message, logLevel));
  }

  protected override printStackTrace(stack: string): void {
    super.printStackTrace(typeof stack === 'string' ? redact(stack) : stack);
  }
}
