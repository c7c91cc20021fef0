import { z } from 'zod';

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const schema = z.object({
  // A draft overlaps another support when their score (0–1) reaches this; see the README for what it trades.
  OVERLAP_THRESHOLD: z.coerce.number().min(0.05).max(1).default(0.65),
  // One audience receiving more than this many releases within the window is a collision.
  COLLISION_LIMIT: int(1, 100).default(3),
  COLLISION_WINDOW_WEEKS: int(1, 52).default(4),
});

export type CoordinationConfig = z.infer<typeof schema>;
export const COORDINATION_CONFIG = Symbol('COORDINATION_CONFIG');

/** The coordination settings, checked once at start: a bad value stops the service naming the variable. */
export function parseCoordinationConfig(env: NodeJS.ProcessEnv = process.env): CoordinationConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid coordination configuration: ${issues}`);
  }
  return parsed.data;
}
