import { DynamicModule, Global, Module } from '@nestjs/common';
import { z } from 'zod';
import { ConfigError, configErrorOf, parseLauncherConfig } from '@styrkedjan/platform';
import { Clock } from './clock';

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** What only the consultations service reads. */
const consultationsEnvSchema = z.object({
  // How far away a round's deadline must be when it opens, in weeks.
  CONSULTATION_MIN_WEEKS: int(0, 52).default(4),
  // How many days before its deadline a round's pending consultees are reminded.
  CONSULTATION_REMINDER_DAYS: int(0, 60).default(7),
  // How often the service looks for rounds whose reminder or close is due and was missed (besides at start).
  CONSULTATION_SWEEP_MS: int(1000, 86_400_000).default(300_000),
  // Tests only: a file holding milliseconds to add to the real time (refused when NODE_ENV=production).
  CONSULTATION_CLOCK_FILE: z.string().min(1).optional(),
});

export interface ConsultationsConfig {
  minWeeks: number;
  reminderDays: number;
  sweepMs: number;
  clockFile: string | undefined;
}

export const CONSULTATIONS_CONFIG = Symbol('CONSULTATIONS_CONFIG');

/** Reads the service's settings once and fails fast, naming the bad variable, like the platform config. */
export function parseConsultationsConfig(env: NodeJS.ProcessEnv = process.env): ConsultationsConfig {
  const platform = parseLauncherConfig(env); // first, so `.env` is loaded
  const result = consultationsEnvSchema.safeParse(env);
  if (!result.success) throw configErrorOf(result.error);
  if (result.data.CONSULTATION_CLOCK_FILE && platform.NODE_ENV === 'production')
    throw new ConfigError(
      'Invalid configuration:\n  CONSULTATION_CLOCK_FILE: a test clock is never used when NODE_ENV=production',
    );
  return {
    minWeeks: result.data.CONSULTATION_MIN_WEEKS,
    reminderDays: result.data.CONSULTATION_REMINDER_DAYS,
    sweepMs: result.data.CONSULTATION_SWEEP_MS,
    clockFile: result.data.CONSULTATION_CLOCK_FILE,
  };
}

@Global()
@Module({})
export class ConsultationsConfigModule {
  /** `env` over the process's, for a spec; the configuration is parsed while the module graph is built. */
  static forRoot(env?: NodeJS.ProcessEnv): DynamicModule {
    const config = parseConsultationsConfig(env ?? process.env);
    return {
      module: ConsultationsConfigModule,
      providers: [
        { provide: CONSULTATIONS_CONFIG, useValue: config },
        { provide: Clock, useValue: Clock.of(config) },
      ],
      exports: [CONSULTATIONS_CONFIG, Clock],
    };
  }
}
