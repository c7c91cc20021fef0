import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Needs carry their aggregate version (1 for every need so far: only `need.identified` has changed one), and
 * a support's status is named as the supports service names it: `draft`, not `drafted`.
 */
export class NeedVersions1764576000100 implements MigrationInterface {
  name = 'NeedVersions1764576000100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE needs ADD COLUMN version int NOT NULL DEFAULT 1');
    await runner.query('ALTER TABLE needs ALTER COLUMN version DROP DEFAULT');
    await runner.query(`UPDATE need_supports SET status = 'draft' WHERE status = 'drafted'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`UPDATE need_supports SET status = 'drafted' WHERE status = 'draft'`);
    await runner.query('ALTER TABLE needs DROP COLUMN version');
  }
}
