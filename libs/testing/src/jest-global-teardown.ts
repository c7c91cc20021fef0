/** Stops the embedded PostgreSQL the global setup started, if it did, and removes its files. */
export { stopTestDatabase as default } from './test-database';
