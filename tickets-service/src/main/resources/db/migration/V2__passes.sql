-- Face value and resale (DESIGN §2): face_value is fixed at the first listing and copied to every
-- resale; resold_from links a resale listing to the listing its seller bought.
ALTER TABLE tickets ADD COLUMN face_value bigint;
UPDATE tickets SET face_value = price;
ALTER TABLE tickets ALTER COLUMN face_value SET NOT NULL;
ALTER TABLE tickets ADD CONSTRAINT tickets_face_value_range CHECK (face_value BETWEEN 1 AND 100000000);
ALTER TABLE tickets ADD COLUMN resold_from uuid REFERENCES tickets (id);

-- A bought ticket is resold at most once at a time, and once sold it stays resold: every listing
-- of it but withdrawn ones counts.
CREATE UNIQUE INDEX tickets_one_resale ON tickets (resold_from) WHERE resold_from IS NOT NULL AND status <> 'withdrawn';

-- A pass: what a listing's buyer holds, issued when the listing is sold. origin_id is the first
-- listing of the resale chain, so the database itself keeps to one admitting pass per ticket.
CREATE TABLE passes (
    id              uuid PRIMARY KEY,
    ticket_id       uuid        NOT NULL UNIQUE REFERENCES tickets (id),
    origin_id       uuid        NOT NULL REFERENCES tickets (id),
    holder_id       uuid        NOT NULL,
    order_id        uuid        NOT NULL UNIQUE,
    status          text        NOT NULL CHECK (status IN ('valid', 'listed', 'used', 'void')),
    code            text        NOT NULL,
    resale_id       uuid REFERENCES tickets (id),
    void_reason     text CHECK (void_reason IN ('resold', 'refunded')),
    issued_at       timestamptz NOT NULL,
    checked_in_at   timestamptz,
    voided_at       timestamptz,
    updated_at      timestamptz NOT NULL,
    -- A listed pass names its resale listing; a used one when it was used; a void one why.
    CHECK (status <> 'listed' OR resale_id IS NOT NULL),
    CHECK (status <> 'used' OR checked_in_at IS NOT NULL),
    CHECK ((status = 'void') = (void_reason IS NOT NULL AND voided_at IS NOT NULL))
);

CREATE UNIQUE INDEX passes_one_admitting_per_ticket ON passes (origin_id) WHERE status IN ('valid', 'listed');
CREATE INDEX passes_holder_issued ON passes (holder_id, issued_at DESC, id DESC);

-- Orders refunded by support (payments.v1.payment.refunded, reason support), remembered so that a
-- refund seen before its order's completion still voids the pass that completion issues.
CREATE TABLE refunded_orders (
    order_id    uuid PRIMARY KEY,
    refunded_at timestamptz NOT NULL
);
