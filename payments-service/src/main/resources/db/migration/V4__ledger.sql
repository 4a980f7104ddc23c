-- Sellers are paid from escrow through a double-entry ledger (DESIGN §2, "Money"; ADR 17).

-- What the order events tell of a sale: who sells the ticket, when its event is, and when the
-- order completed (release is at eventAt + delay, or at the completion when eventAt is null).
ALTER TABLE order_replicas
    ADD COLUMN seller_id    uuid,
    ADD COLUMN event_at     timestamptz,
    ADD COLUMN completed_at timestamptz;

CREATE INDEX order_replicas_seller ON order_replicas (seller_id) WHERE seller_id IS NOT NULL;

-- What a support agent wrote when refunding a payment (its reason is then support).
ALTER TABLE payments ADD COLUMN refund_note text;

-- A journal is one movement of money; its entries sum to 0 per currency. (kind, reference) names
-- the fact it records (the charge of a payment, the release of an order, a payout...), so a
-- movement is journaled once however often the code that writes it runs.
CREATE TABLE ledger_journals (
    id         uuid PRIMARY KEY,
    kind       text        NOT NULL CHECK (kind IN ('charge', 'release', 'refund', 'payout', 'payout_reversal',
                                                    'transfer_reversal')),
    reference  uuid        NOT NULL,
    created_at timestamptz NOT NULL,
    UNIQUE (kind, reference)
);

-- Amounts are signed minor units: debits positive, credits negative. Accounts: provider_cash (the
-- platform's money at the payment provider), escrow (one per order: owner = the order),
-- seller_payable (owner = the seller), platform_fees.
CREATE TABLE ledger_entries (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    journal_id uuid    NOT NULL REFERENCES ledger_journals (id),
    account    text    NOT NULL CHECK (account IN ('provider_cash', 'escrow', 'seller_payable', 'platform_fees')),
    owner      uuid,
    currency   char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    amount     bigint  NOT NULL CHECK (amount <> 0),
    CHECK ((account IN ('escrow', 'seller_payable')) = (owner IS NOT NULL))
);

CREATE INDEX ledger_entries_journal ON ledger_entries (journal_id);
CREATE INDEX ledger_entries_account ON ledger_entries (account, owner, currency);

-- The database, not only the code, keeps the ledger append-only...
CREATE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the ledger is append-only: % on % is refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER ledger_journals_append_only BEFORE UPDATE OR DELETE ON ledger_journals
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON ledger_entries
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();

-- ...and balanced: at commit, each journal that got entries must sum to 0 in every currency and
-- have at least two entries.
CREATE FUNCTION ledger_check_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    unbalanced text;
BEGIN
    SELECT currency INTO unbalanced FROM ledger_entries WHERE journal_id = NEW.journal_id
        GROUP BY currency HAVING sum(amount) <> 0 OR count(*) < 2 LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'ledger journal % does not balance in %', NEW.journal_id, unbalanced
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER ledger_entries_balanced AFTER INSERT ON ledger_entries
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_check_balanced();

-- An order's money waiting for its release: written when the order completes (its payment is
-- in the order's escrow account since the charge). release_at is when it may go to the seller;
-- fee is what the platform kept, set at the release.
CREATE TABLE escrows (
    order_id    uuid PRIMARY KEY,
    payment_id  uuid        NOT NULL,
    seller_id   uuid        NOT NULL,
    amount      bigint      NOT NULL CHECK (amount >= 0),
    currency    char(3)     NOT NULL,
    release_at  timestamptz NOT NULL,
    released_at timestamptz,
    fee         bigint CHECK (fee >= 0),
    refunded_at timestamptz,
    payout_id   uuid,
    created_at  timestamptz NOT NULL,
    CHECK ((released_at IS NULL) = (fee IS NULL))
);

-- What the release job claims.
CREATE INDEX escrows_due ON escrows (release_at) WHERE released_at IS NULL AND refunded_at IS NULL;
CREATE INDEX escrows_seller ON escrows (seller_id, currency) WHERE released_at IS NULL AND refunded_at IS NULL;

CREATE TABLE payout_accounts (
    user_id    uuid PRIMARY KEY,
    method     text        NOT NULL CHECK (method IN ('simulated', 'stripe')),
    reference  text        NOT NULL,
    updated_at timestamptz NOT NULL
);

-- pending → paid, pending → failed (its journal is reversed). next_attempt_at is when the
-- sender may call the provider (again); retry_at, on a failed payout, is when the seller's
-- balance may be paid out again.
CREATE TABLE payouts (
    id                 uuid PRIMARY KEY,
    seller_id          uuid        NOT NULL,
    amount             bigint      NOT NULL CHECK (amount > 0),
    currency           char(3)     NOT NULL,
    method             text        NOT NULL,
    reference          text        NOT NULL,
    transfer_group     text        NOT NULL,
    status             text        NOT NULL CHECK (status IN ('pending', 'paid', 'failed')),
    attempts           int         NOT NULL DEFAULT 0,
    next_attempt_at    timestamptz NOT NULL,
    provider_reference text,
    failure            text,
    retry_at           timestamptz,
    created_at         timestamptz NOT NULL,
    paid_at            timestamptz,
    failed_at          timestamptz,
    CHECK ((status = 'paid') = (paid_at IS NOT NULL)),
    CHECK ((status = 'failed') = (failed_at IS NOT NULL))
);

-- DESIGN: one payout per seller and currency at a time.
CREATE UNIQUE INDEX payouts_one_pending ON payouts (seller_id, currency) WHERE status = 'pending';
CREATE INDEX payouts_due ON payouts (next_attempt_at) WHERE status = 'pending';
CREATE INDEX payouts_seller ON payouts (seller_id, created_at DESC, id DESC);

-- The simulated payout provider's own record of what it sent, as a real provider keeps one:
-- a call with an idempotency key it has seen answers as the first one did, across restarts
-- and instances.
CREATE TABLE simulated_transfers (
    idempotency_key text PRIMARY KEY,
    id              text        NOT NULL UNIQUE,
    destination     text        NOT NULL,
    amount          bigint      NOT NULL,
    currency        char(3)     NOT NULL,
    created_at      timestamptz NOT NULL
);


-- Payments taken before the ledger existed: their charges (and refunds) are journaled now, so
-- the ledger holds all the money there is. Their orders' sellers are unknown, so that money
-- stays in escrow until an operator settles it (ADR 17).
CREATE TEMPORARY TABLE backfill ON COMMIT DROP AS
    SELECT id AS payment_id, order_id, amount, currency, created_at, refunded_at, gen_random_uuid() AS charge_journal,
           gen_random_uuid() AS refund_journal
    FROM payments WHERE amount > 0;

INSERT INTO ledger_journals (id, kind, reference, created_at)
    SELECT charge_journal, 'charge', payment_id, created_at FROM backfill;
INSERT INTO ledger_entries (journal_id, account, owner, currency, amount)
    SELECT charge_journal, 'provider_cash', NULL, currency, amount FROM backfill
    UNION ALL SELECT charge_journal, 'escrow', order_id, currency, -amount FROM backfill;
INSERT INTO ledger_journals (id, kind, reference, created_at)
    SELECT refund_journal, 'refund', payment_id, refunded_at FROM backfill WHERE refunded_at IS NOT NULL;
INSERT INTO ledger_entries (journal_id, account, owner, currency, amount)
    SELECT refund_journal, 'escrow', order_id, currency, amount FROM backfill WHERE refunded_at IS NOT NULL
    UNION ALL SELECT refund_journal, 'provider_cash', NULL, currency, -amount FROM backfill
        WHERE refunded_at IS NOT NULL;
