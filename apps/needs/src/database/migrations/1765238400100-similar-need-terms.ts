import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The similar-needs lookup's text condition as a function of the title: any two of its words (Swedish stems; the
 * one word of a one-word title). Immutable, so that PostgreSQL works it out while planning the lookup and plans
 * with the query it makes: it then knows from the statistics of `search` whether the words are rare (read them
 * from the GIN index) or common (walk the newest needs until enough match), instead of always reading every need
 * that holds them. PL/pgSQL, whose statements are planned once per connection: an SQL function evaluated by the
 * planner is planned anew each time (≈10 ms a lookup).
 */
export class SimilarNeedTerms1765238400100 implements MigrationInterface {
  name = 'SimilarNeedTerms1765238400100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE FUNCTION similar_need_terms(title text) RETURNS tsquery
      LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
      DECLARE
        words text[] := tsvector_to_array(to_tsvector('swedish'::regconfig, title));
        pairs text[] := '{}';
      BEGIN
        IF cardinality(words) = 0 THEN RETURN NULL; END IF;
        IF cardinality(words) = 1 THEN RETURN quote_literal(words[1])::tsquery; END IF;
        FOR i IN 1 .. cardinality(words) - 1 LOOP
          FOR j IN i + 1 .. cardinality(words) LOOP
            pairs := pairs || format('(%s & %s)', quote_literal(words[i]), quote_literal(words[j]));
          END LOOP;
        END LOOP;
        RETURN array_to_string(pairs, ' | ')::tsquery;
      END
      $$`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP FUNCTION similar_need_terms(text)');
  }
}
