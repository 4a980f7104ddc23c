-- Search (GET /api/tickets?q=): a case-insensitive substring of title or venue. Trigram indexes
-- serve ILIKE '%q%' for any q holding a run of three letters or digits; shorter texts have no
-- trigram and are matched by a scan in created_at order instead (JdbcTicketRepository).
-- pg_trgm is a trusted extension (PostgreSQL 13+): the database's owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- fastupdate off: a new listing's trigrams go straight into the index. With GIN's pending list,
-- and no autovacuum to flush it, every search would read up to 4 MB of unsorted entries through
-- (and the planner, costing that, would rather not use the index); listings are written far less
-- often than they are searched.
CREATE INDEX tickets_title_trgm ON tickets USING gin (title gin_trgm_ops) WITH (fastupdate = off);
CREATE INDEX tickets_venue_trgm ON tickets USING gin (venue gin_trgm_ops) WITH (fastupdate = off);

-- Newest first across every status (status=all): the status and seller orders are V1's.
CREATE INDEX tickets_created ON tickets (created_at DESC, id DESC);
