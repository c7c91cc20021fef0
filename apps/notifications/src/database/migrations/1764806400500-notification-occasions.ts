import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications of a need's stakeholders: words in Swedish and English, and one notification per occasion
 * rather than per event, so that a publication told by support.published (to followers) and by need.answered
 * (to the needs' submitters and endorsers) is one notification for an organisation with both reasons.
 */
export class NotificationOccasions1764806400500 implements MigrationInterface {
  name = 'NotificationOccasions1764806400500';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE notifications
        ADD COLUMN occasion text,
        ADD COLUMN title_en text,
        ADD COLUMN message_en text,
        ADD COLUMN text_priority int NOT NULL DEFAULT 1`);
    // The earlier texts were English: they stay as they were and are the English variant too.
    await runner.query(`
      UPDATE notifications SET
        occasion = CASE WHEN type = 'support.published' THEN 'publication:' || subject_id ELSE event_id::text END,
        title_en = title,
        message_en = message,
        text_priority = CASE WHEN 'answers_your_need' = ANY (reasons) THEN 3 ELSE 1 END`);
    await runner.query(`
      ALTER TABLE notifications
        ALTER COLUMN occasion SET NOT NULL,
        ALTER COLUMN title_en SET NOT NULL,
        ALTER COLUMN message_en SET NOT NULL,
        DROP CONSTRAINT notifications_once_per_event,
        ADD CONSTRAINT notifications_once_per_occasion UNIQUE (organisation_id, occasion)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE notifications
        DROP CONSTRAINT notifications_once_per_occasion,
        ADD CONSTRAINT notifications_once_per_event UNIQUE (organisation_id, event_id),
        DROP COLUMN occasion,
        DROP COLUMN title_en,
        DROP COLUMN message_en,
        DROP COLUMN text_priority`);
  }
}
