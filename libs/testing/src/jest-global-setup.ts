/** Jest's global setup for the integration and system tiers: an embedded PostgreSQL unless DATABASE_URL is set. */
export { startTestDatabase as default } from './test-database';
