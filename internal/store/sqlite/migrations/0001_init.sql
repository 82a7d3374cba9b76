-- Verbatim corpus schema, version 1 (SQLite). See docs/corpus.md.
CREATE TABLE meta (
	key   TEXT PRIMARY KEY,
	value INTEGER NOT NULL
);
INSERT INTO meta (key, value) VALUES ('clustered_articles', 0);

CREATE TABLE articles (
	id          INTEGER PRIMARY KEY AUTOINCREMENT,
	key         TEXT NOT NULL UNIQUE,
	doc_id      TEXT NOT NULL DEFAULT '',
	url         TEXT NOT NULL DEFAULT '',
	title       TEXT NOT NULL DEFAULT '',
	outlet      TEXT NOT NULL DEFAULT '',
	published   TEXT NOT NULL DEFAULT '',
	text        TEXT NOT NULL,
	analysis    TEXT NOT NULL,
	ingested_at TEXT NOT NULL
);
CREATE INDEX articles_url ON articles (url);
CREATE INDEX articles_doc_id ON articles (doc_id);
CREATE INDEX articles_published ON articles (published);

CREATE TABLE statements (
	id           INTEGER PRIMARY KEY AUTOINCREMENT,
	article_id   INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	ord          INTEGER NOT NULL,
	kind         TEXT NOT NULL,
	content      TEXT NOT NULL,
	start_cp     INTEGER NOT NULL,
	end_cp       INTEGER NOT NULL,
	cue          TEXT NOT NULL DEFAULT '',
	source       TEXT NOT NULL DEFAULT '',
	speaker_key  TEXT NOT NULL DEFAULT '',
	speaker_name TEXT NOT NULL DEFAULT '',
	speaker_type TEXT NOT NULL DEFAULT '',
	confidence   REAL NOT NULL DEFAULT 0,
	UNIQUE (article_id, ord)
);
CREATE INDEX statements_speaker ON statements (speaker_key);

CREATE TABLE quotes (
	id           INTEGER PRIMARY KEY AUTOINCREMENT,
	statement_id INTEGER NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
	article_id   INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	ord          INTEGER NOT NULL,
	text         TEXT NOT NULL,
	start_cp     INTEGER NOT NULL,
	end_cp       INTEGER NOT NULL,
	cluster_id   INTEGER NOT NULL DEFAULT 0,
	variant      TEXT NOT NULL DEFAULT '',
	misquote     INTEGER NOT NULL DEFAULT 0,
	diff         TEXT NOT NULL DEFAULT '',
	UNIQUE (statement_id, ord)
);
CREATE INDEX quotes_article ON quotes (article_id);
CREATE INDEX quotes_cluster ON quotes (cluster_id);

CREATE TABLE clusters (
	id             INTEGER PRIMARY KEY,
	speaker_key    TEXT NOT NULL,
	speaker_name   TEXT NOT NULL,
	canonical      TEXT NOT NULL,
	canonical_id   INTEGER NOT NULL,
	first_id       INTEGER NOT NULL,
	size           INTEGER NOT NULL,
	articles       INTEGER NOT NULL,
	outlets        INTEGER NOT NULL,
	variants       INTEGER NOT NULL,
	misquotes      INTEGER NOT NULL
);
CREATE INDEX clusters_size ON clusters (articles, size);

-- Full-text search over statement contents (FTS5, kept by triggers).
CREATE VIRTUAL TABLE statements_fts USING fts5 (content, content = 'statements', content_rowid = 'id');
CREATE TRIGGER statements_fts_insert AFTER INSERT ON statements BEGIN
	INSERT INTO statements_fts (rowid, content) VALUES (new.id, new.content);
END;
CREATE TRIGGER statements_fts_delete AFTER DELETE ON statements BEGIN
	INSERT INTO statements_fts (statements_fts, rowid, content) VALUES ('delete', old.id, old.content);
END;
