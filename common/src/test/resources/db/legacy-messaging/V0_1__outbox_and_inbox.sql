-- The event backbone's tables (DESIGN §3, §4), shipped by common and applied by every service
-- that publishes or consumes events (spring.flyway.locations includes classpath:db/messaging).

-- Transactional outbox: written in the transaction of the state change, published by the relay.
CREATE TABLE outbox (
    id          uuid PRIMARY KEY,                -- the event id and the message's Nats-Msg-Id
    position    bigint GENERATED ALWAYS AS IDENTITY,
    subject     text        NOT NULL,
    body        text        NOT NULL,            -- the exact JSON message body
    occurred_at timestamptz NOT NULL,
    sent_at     timestamptz                      -- set after the PubAck
);

CREATE INDEX outbox_unsent ON outbox (position) WHERE sent_at IS NULL;
CREATE INDEX outbox_sent ON outbox (sent_at) WHERE sent_at IS NOT NULL;

-- Inbox: one row per event a consumer has applied, written in the handler's transaction.
CREATE TABLE processed_messages (
    consumer     text        NOT NULL,
    event_id     uuid        NOT NULL,
    subject      text        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

CREATE INDEX processed_messages_processed_at ON processed_messages (processed_at);
