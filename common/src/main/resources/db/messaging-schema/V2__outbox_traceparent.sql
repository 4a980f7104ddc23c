-- The W3C trace context of the transaction that wrote the row: the relay's publish span is its child
-- and sends its own context as the message's traceparent header (DESIGN §3, docs/adr/0022-tracing.md).
-- NULL for rows written outside a trace, and for rows written before this column existed.
ALTER TABLE messaging.outbox ADD COLUMN IF NOT EXISTS traceparent text;
