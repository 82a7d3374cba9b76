-- Verbatim corpus schema, version 2 (PostgreSQL). See docs/corpus.md.

-- The speaker's role as the article gives it ("mayor of Kyiv"), filled in
-- for stored statements from their article's analysis.
ALTER TABLE statements ADD COLUMN speaker_role TEXT NOT NULL DEFAULT '';
UPDATE statements s SET speaker_role = COALESCE(a.analysis::jsonb -> 'statements' -> (s.ord - 1) -> 'speaker' ->> 'role', '')
FROM articles a WHERE a.id = s.article_id AND s.speaker_key <> '';

-- A quote's diff against its cluster's canonical text, edit by edit (a
-- JSON array; see sqlstore).
ALTER TABLE quotes ADD COLUMN edits TEXT NOT NULL DEFAULT '';

-- The orders of the article list (newest first) and of the lists of
-- quotes and statements (oldest first), unknown dates last: the lists
-- read a page from the index rather than sorting every row.
CREATE INDEX articles_oldest ON articles ((CASE WHEN published = '' THEN 1 ELSE 0 END), published, id);
CREATE INDEX articles_newest ON articles ((CASE WHEN published = '' THEN 1 ELSE 0 END), published DESC, id DESC);

-- Mark the clusters stale: the next Recluster fills in the edits and
-- gives each cluster the id of its earliest-stored quote.
UPDATE meta SET value = -1 WHERE key = 'clustered_articles';
