/** Jest's global setup for the integration and system tiers: an embedded PostgreSQL unless DATABASE_URL is set. */
import { startTestDatabase } from './test-database';

export default (): Promise<void> => startTestDatabase();
