-- The event backbone's tables (DESIGN §3, §4), shipped by common and kept in schema messaging with
-- a history of their own (messaging.flyway_schema_history), so that common can change them with
-- migrations that never meet a service's own (docs/adr/0013-messaging-schema.md).
--
-- Databases made before this history existed hold both tables in the service's own schema, created
-- by V0_1__outbox_and_inbox.sql in the service's history: they move here with their rows, indexes
-- and sequence, and that entry leaves the service's history. The CREATEs below then find them.
DO $$
BEGIN
    IF to_regclass('"${serviceSchema}".outbox') IS NOT NULL THEN
        ALTER TABLE "${serviceSchema}".outbox SET SCHEMA messaging;
        ALTER TABLE "${serviceSchema}".processed_messages SET SCHEMA messaging;
    END IF;
    IF to_regclass('"${serviceSchema}"."${serviceHistory}"') IS NOT NULL THEN
        DELETE FROM "${serviceSchema}"."${serviceHistory}"
        WHERE version = '0.1' AND script = 'V0_1__outbox_and_inbox.sql';
    END IF;
END $$;

-- Transactional outbox: written in the transaction of the state change, published by the relay.
CREATE TABLE IF NOT EXISTS messaging.outbox (
    id          uuid PRIMARY KEY,                -- the event id and the message's Nats-Msg-Id
    position    bigint GENERATED ALWAYS AS IDENTITY,
    subject     text        NOT NULL,
    body        text        NOT NULL,            -- the exact JSON message body
    occurred_at timestamptz NOT NULL,
    sent_at     timestamptz                      -- set after the PubAck
);

CREATE INDEX IF NOT EXISTS outbox_unsent ON messaging.outbox (position) WHERE sent_at IS NULL;
CREATE INDEX IF NOT EXISTS outbox_sent ON messaging.outbox (sent_at) WHERE sent_at IS NOT NULL;

-- Inbox: one row per event a consumer has applied, written in the handler's transaction.
CREATE TABLE IF NOT EXISTS messaging.processed_messages (
    consumer     text        NOT NULL,
    event_id     uuid        NOT NULL,
    subject      text        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

CREATE INDEX IF NOT EXISTS processed_messages_processed_at ON messaging.processed_messages (processed_at);
