import { ServiceDatabase, SERVICES } from '@styrkedjan/platform';
import { Access1763856000700 } from './migrations/1763856000700-access';

/** The gateway's own schema: API keys, the security log and (without Redis) the rate-limit counters. */
export const accessDatabase: ServiceDatabase = {
  schema: SERVICES.gateway.schema,
  entities: [],
  migrations: [Access1763856000700],
};
