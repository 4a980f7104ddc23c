-- What payments-service knows of each order, from orders.v1.> (newest version wins). An
-- order.cancelled or order.completed event can arrive before order.created, so the columns only
-- order.created carries may be null.
CREATE TABLE order_replicas (
    id         uuid PRIMARY KEY,
    version    bigint      NOT NULL,
    user_id    uuid        NOT NULL,
    ticket_id  uuid        NOT NULL,
    status     text        NOT NULL CHECK (status IN ('created', 'cancelled', 'complete')),
    amount     bigint      CHECK (amount >= 0),
    currency   char(3),
    expires_at timestamptz,
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE payments (
    id                  uuid PRIMARY KEY,
    order_id            uuid        NOT NULL,
    user_id             uuid        NOT NULL,
    amount              bigint      NOT NULL CHECK (amount >= 0),
    currency            char(3)     NOT NULL,
    status              text        NOT NULL CHECK (status IN ('succeeded', 'refunded')),
    provider            text        NOT NULL,
    provider_payment_id text        NOT NULL,
    refund_reason       text,
    created_at          timestamptz NOT NULL,
    refunded_at         timestamptz,
    CHECK ((status = 'refunded') = (refunded_at IS NOT NULL))
);

-- DESIGN: at most one succeeded payment per order, whatever the concurrency or the path (API or
-- provider webhook) that records it.
CREATE UNIQUE INDEX payments_one_succeeded_per_order ON payments (order_id) WHERE status = 'succeeded';

-- A provider's payment is recorded once (webhooks and API retries find it by this).
CREATE UNIQUE INDEX payments_provider_payment ON payments (provider, provider_payment_id);

-- A user's payments, newest first, optionally for one order.
CREATE INDEX payments_user_created ON payments (user_id, created_at DESC, id DESC);
CREATE INDEX payments_order ON payments (order_id);

-- Idempotency-Key: the first response to (user, key) is replayed for every retry. The row is
-- inserted first (a concurrent request with the same key waits on it) and given its response in
-- the same transaction, so no other transaction ever sees it without one.
CREATE TABLE idempotency_keys (
    user_id         uuid        NOT NULL,
    key             text        NOT NULL,
    request_hash    text        NOT NULL,
    response_status int,
    response_body   text,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (user_id, key)
);

CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);

-- Stripe webhook events already handled: a redelivered event has no second effect.
CREATE TABLE provider_events (
    id          text PRIMARY KEY,
    type        text        NOT NULL,
    received_at timestamptz NOT NULL
);
