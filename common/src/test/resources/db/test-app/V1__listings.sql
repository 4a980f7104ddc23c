-- The messaging test application's own tables: what it lists, and the holds its consumer applies.
CREATE TABLE listings (
    id        uuid PRIMARY KEY,
    seller_id uuid NOT NULL,
    title     text NOT NULL
);

-- One row per order.created applied: a second application of one event would break the key.
CREATE TABLE holds (
    order_id   uuid PRIMARY KEY,
    listing_id uuid NOT NULL
);
