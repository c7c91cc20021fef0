/** Stops the embedded PostgreSQL the global setup started, if it did, and removes its files. */
import { stopTestDatabase } from './test-database';

export default (): Promise<void> => stopTestDatabase();
