-- DESIGN §3: tickets.v1.ticket.* carry the ticket's eventAt, and order.created the seller and
-- event time of the ticket as they were when the order was placed. Null where the event or the
-- order came before these fields: a replica row until its ticket's next event, an order for ever.
ALTER TABLE ticket_replicas ADD COLUMN event_at timestamptz;

ALTER TABLE orders
    ADD COLUMN ticket_seller_id uuid,
    ADD COLUMN ticket_event_at  timestamptz;
