CREATE TABLE tickets (
    id          uuid PRIMARY KEY,
    title       text        NOT NULL CHECK (char_length(title) BETWEEN 1 AND 120),
    price       bigint      NOT NULL CHECK (price BETWEEN 1 AND 100000000),
    currency    char(3)     NOT NULL,
    description text        CHECK (char_length(description) <= 2000),
    venue       text        CHECK (char_length(venue) <= 120),
    event_at    timestamptz,
    seller_id   uuid        NOT NULL,
    status      text        NOT NULL CHECK (status IN ('available', 'reserved', 'sold', 'withdrawn')),
    order_id    uuid,
    version     bigint      NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    -- An order holds the ticket exactly while it is reserved or sold.
    CHECK ((status IN ('reserved', 'sold')) = (order_id IS NOT NULL))
);

-- Browsing: newest first within a status, and a seller's listings.
CREATE INDEX tickets_status_created ON tickets (status, created_at DESC, id DESC);
CREATE INDEX tickets_seller_created ON tickets (seller_id, created_at DESC, id DESC);

-- The latest state of each order seen on orders.v1.>, by version, so that events arriving out of
-- order (a cancellation before its creation) or twice cannot reserve a ticket again.
CREATE TABLE order_states (
    id         uuid PRIMARY KEY,
    ticket_id  uuid        NOT NULL,
    status     text        NOT NULL CHECK (status IN ('created', 'cancelled', 'complete')),
    version    bigint      NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
