-- An Idempotency-Key keeps the first outcome in the domain's terms: the payment it took, or the
-- provider's decline and its message. The web layer renders either, so no HTTP status or response
-- body is stored. Keys stored before are carried over from the responses they kept.
ALTER TABLE idempotency_keys
    ADD COLUMN outcome         text CHECK (outcome IN ('paid', 'declined')),
    ADD COLUMN payment_id      uuid,
    ADD COLUMN decline_message text;

UPDATE idempotency_keys SET outcome = 'paid', payment_id = (response_body::jsonb ->> 'id')::uuid
WHERE response_status = 201;
UPDATE idempotency_keys SET outcome = 'declined', decline_message = response_body::jsonb ->> 'message'
WHERE response_status = 402;

ALTER TABLE idempotency_keys
    DROP COLUMN response_status,
    DROP COLUMN response_body,
    -- NULL while a request holds the claim, in the transaction that stores the outcome.
    ADD CHECK ((outcome = 'paid') = (payment_id IS NOT NULL)),
    ADD CHECK ((outcome = 'declined') = (decline_message IS NOT NULL));
