import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { RevisionChange } from '@styrkedjan/contracts';
import type { SupportContent, SupportState } from '../domain/support';
import type { EditionView } from '../views/support.view';

interface EditionRow {
  edition: string;
  content: Omit<SupportContent, 'plannedReleaseDate'>;
  change: RevisionChange | null;
  change_note: string | null;
  published_at: Date;
}

/** Every published edition of a support, as it was published: an edition in force is never edited, only replaced. */
@Injectable()
export class EditionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The edition the support has just brought into force, with the revision's change that made it (none for 1.0). */
  async keepPublished(
    manager: EntityManager,
    support: Readonly<SupportState>,
    revision: { change: RevisionChange; changeNote: string } | null,
    at: Date,
  ): Promise<void> {
    const { title, summary, productType, targetGroups, audience } = support;
    await manager.query(
      `INSERT INTO support_editions (support_id, edition, content, change, change_note, published_at)
       VALUES ($1, $2, $3::jsonb, $4, $5, $6)`,
      [
        support.id,
        support.edition,
        JSON.stringify({ title, summary, productType, targetGroups, audience }),
        revision?.change ?? null,
        revision?.changeNote ?? null,
        at,
      ],
    );
  }

  async find(supportId: string, edition: string): Promise<EditionView | null> {
    const rows: EditionRow[] = await this.dataSource.query(
      `SELECT edition, content, change, change_note, published_at FROM support_editions
       WHERE support_id = $1 AND edition = $2`,
      [supportId, edition],
    );
    return rows.length ? toEditionView(rows[0]) : null;
  }

  /** Oldest first: 1.0, then each revision in the order it was published. */
  async list(supportId: string): Promise<EditionView[]> {
    const rows: EditionRow[] = await this.dataSource.query(
      `SELECT edition, content, change, change_note, published_at FROM support_editions
       WHERE support_id = $1 ORDER BY published_at, edition`,
      [supportId],
    );
    return rows.map(toEditionView);
  }
}

function toEditionView(row: EditionRow): EditionView {
  const { title, summary, productType, targetGroups, audience } = row.content;
  return {
    edition: row.edition,
    title,
    summary,
    productType: productType ?? null,
    targetGroups: targetGroups ?? [],
    audience,
    change: row.change,
    changeNote: row.change_note,
    publishedAt: row.published_at.toISOString(),
  };
}
