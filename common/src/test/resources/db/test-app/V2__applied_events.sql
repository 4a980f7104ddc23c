-- What the batching probe (BatchedEventsIntegrationTests) applied, and in which transaction: a
-- second application of one event would break the key.
CREATE TABLE applied_events (
    consumer text   NOT NULL,
    order_id uuid   NOT NULL,
    txid     bigint NOT NULL,
    PRIMARY KEY (consumer, order_id)
);
