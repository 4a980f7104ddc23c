-- pgbench: the transaction orders-service runs to place an order (OrderService.place), on a copy
-- of its schema: the ticket's replica row by id (TicketReplicas.find), the order
-- (JdbcOrderRepository.insert) and its orders.v1.order.created row (JdbcOutboxStore.add).
-- Every transaction takes a ticket of its own, as every order does: client c's n-th is ticket
-- c * stride + n, whose replica row bin/bench seeded with id md5('bench-' || k).
-- Variables from bin/bench: n (0), stride, hold (the hold window), body (an event's JSON).
\set n :n + 1
\set k :client_id * :stride + :n
BEGIN;
SELECT id, version, title, price, currency, seller_id, event_at, status, order_id
FROM ticket_replicas WHERE id = md5('bench-' || CAST(:k AS text))::uuid
\gset ticket_
INSERT INTO orders (id, user_id, ticket_id, ticket_title, ticket_price, ticket_currency, ticket_seller_id,
                    ticket_event_at, status, cancel_reason, payment_id, expires_at, version, created_at, updated_at)
VALUES (gen_random_uuid(), gen_random_uuid(), :ticket_id, :ticket_title, :ticket_price, :ticket_currency,
        :ticket_seller_id, :ticket_event_at, 'created', NULL, NULL, now() + CAST(:hold AS interval), 1, now(), now());
INSERT INTO messaging.outbox (id, subject, body, occurred_at)
VALUES (gen_random_uuid(), 'orders.v1.order.created', :body, now());
END;
