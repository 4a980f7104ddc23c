import { ApiError } from './api/problem';
import { messageFor } from './messages';

/** Why a refund was not made, for the support agent who asked for it. */
export function refundFailure(error: unknown): string {
  // Messages' sentence for a charge ("you have not been charged") would mislead here.
  if (error instanceof ApiError && error.code === 'payment_provider_unavailable') {
    return 'The payment provider is not answering, so nothing was refunded. Try again: the refund is made once however often you ask.';
  }
  if (error instanceof ApiError && error.code === 'forbidden') {
    return 'This account may not refund payments. Ask an operator for the support role; it takes effect the next time you sign in.';
  }
  return messageFor(error);
}

/** Why a payment was not shown; `null` when the service has no payment of that id. */
export function lookupFailure(error: unknown): string {
  return messageFor(error ?? new ApiError(404, 'payment_not_found', 'Not Found'));
}

/** A ledger account as support reads it: what it holds, and whose it is (an order, a seller). */
export interface LedgerAccount {
  label: string;
  owner: string | null;
}

// payments-service's accounts (ADR 17): `<account>` or `<account>:<owner id>`.
const ACCOUNTS: Record<string, string> = {
  provider_cash: 'Cash at the payment provider',
  platform_fees: 'Platform fees',
  escrow: 'Escrow of order',
  seller_payable: 'Owed to seller',
};

export function ledgerAccount(name: string): LedgerAccount {
  const colon = name.indexOf(':');
  const kind = colon < 0 ? name : name.slice(0, colon);
  const owner = colon < 0 ? null : name.slice(colon + 1) || null;
  return { label: ACCOUNTS[kind] ?? kind, owner };
}
