-- What orders-service knows of each ticket, from tickets.v1.> (newest version wins).
CREATE TABLE ticket_replicas (
    id         uuid PRIMARY KEY,
    version    bigint      NOT NULL,
    title      text        NOT NULL,
    price      bigint      NOT NULL,
    currency   char(3)     NOT NULL,
    seller_id  uuid        NOT NULL,
    status     text        NOT NULL,
    order_id   uuid,
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE orders (
    id              uuid PRIMARY KEY,
    user_id         uuid        NOT NULL,
    ticket_id       uuid        NOT NULL,
    ticket_title    text        NOT NULL,
    ticket_price    bigint      NOT NULL,
    ticket_currency char(3)     NOT NULL,
    status          text        NOT NULL CHECK (status IN ('created', 'cancelled', 'complete')),
    cancel_reason   text        CHECK (cancel_reason IN ('user', 'expired')),
    payment_id      uuid,
    expires_at      timestamptz NOT NULL,
    version         bigint      NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    CHECK ((status = 'cancelled') = (cancel_reason IS NOT NULL)),
    CHECK ((status = 'complete') = (payment_id IS NOT NULL))
);

-- DESIGN: at most one active (created or complete) order per ticket, whatever the concurrency.
CREATE UNIQUE INDEX orders_one_active_per_ticket ON orders (ticket_id) WHERE status IN ('created', 'complete');

-- A buyer's orders, newest first.
CREATE INDEX orders_user_created ON orders (user_id, created_at DESC, id DESC);

-- Holds to expire.
CREATE INDEX orders_expiring ON orders (expires_at) WHERE status = 'created';
