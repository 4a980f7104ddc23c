-- The provider idempotency key of the attempt that took a payment. A client that retries with
-- the same Idempotency-Key after losing the answer (the webhook may have recorded the payment
-- first) gets that payment back instead of 409 order_paid.
ALTER TABLE payments ADD COLUMN attempt_key text;
