import { readFileSync } from 'node:fs';

/**
 * The time the service reads: deadlines, reminders and closes all ask it, never `new Date()`. In production it
 * is the real time. A test names a file (CONSULTATION_CLOCK_FILE, refused in production) holding milliseconds to
 * add to it, read on every call, so a system test moves the running services' time forward by writing the file.
 */
export class Clock {
  private constructor(private readonly offsetFile: string | undefined) {}

  static of(config: { clockFile: string | undefined }): Clock {
    return new Clock(config.clockFile);
  }

  static real(): Clock {
    return new Clock(undefined);
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs());
  }

  private offsetMs(): number {
    if (!this.offsetFile) return 0;
    try {
      const offset = Number(readFileSync(this.offsetFile, 'utf8').trim());
      return Number.isFinite(offset) ? offset : 0;
    } catch {
      return 0; // no file yet: the real time
    }
  }
}
