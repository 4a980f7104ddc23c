// The shapes of DESIGN §2, as the services send them.

/** What signing up and in answer. */
export interface Account {
  id: string;
  email: string;
}

/** The signed-in visitor (`currentuser`). */
export interface User extends Account {
  /** `door`, `support`; none by default (`[]` when auth-service leaves the member out). */
  roles: string[];
}

export type TicketStatus = 'available' | 'reserved' | 'sold' | 'withdrawn';

export interface Ticket {
  id: string;
  title: string;
  /** Minor units of `currency` (1250 = 12.50 USD). */
  price: number;
  /** What the ticket originally cost, same currency; fixed at the first listing, kept by resales. */
  faceValue: number;
  currency: string;
  description: string | null;
  venue: string | null;
  eventAt: string | null;
  sellerId: string;
  /** The listing this one resells (its seller bought it there); null for a first listing. */
  resoldFrom: string | null;
  status: TicketStatus;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface TicketInput {
  title: string;
  price: number;
  /** Only when listing: left out, the service takes the price. Never changes afterwards. */
  faceValue?: number;
  currency: string;
  description: string | null;
  venue: string | null;
  eventAt: string | null;
}

export interface ResaleInput {
  price: number;
  description?: string;
}

export type PassStatus = 'valid' | 'listed' | 'used' | 'void';

/** A holder's admission to one ticket; `code` is there only while the pass is `valid`. */
export interface Pass {
  id: string;
  ticketId: string;
  holderId: string;
  status: PassStatus;
  code?: string | null;
  issuedAt: string;
  checkedInAt: string | null;
}

/** One of `GET /api/tickets/held`: the listing the pass was bought from, and the pass. */
export interface HeldTicket {
  ticket: Ticket;
  pass: Pass;
}

/** `POST /api/tickets/checkins` admitting someone. */
export interface CheckIn {
  pass: { id: string; status: 'used'; checkedInAt: string };
  ticket: { id: string; title: string; venue: string | null; eventAt: string | null };
}

export type OrderStatus = 'created' | 'cancelled' | 'complete';

export interface Order {
  id: string;
  status: OrderStatus;
  userId: string;
  expiresAt: string;
  ticket: { id: string; title: string; price: number; currency: string };
  version: number;
  createdAt: string;
  cancelReason: 'user' | 'expired' | null;
}

export type PaymentStatus = 'succeeded' | 'refunded';

export interface Payment {
  id: string;
  orderId: string;
  amount: number;
  currency: string;
  status: PaymentStatus;
  provider: string;
  providerPaymentId: string;
  createdAt: string;
}

/** Where a seller is paid: `simulated` (no real money) or `stripe` (a connected account). */
export type PayoutMethod = 'simulated' | 'stripe';

/** A seller's payout account; `reference` comes masked but for its last 4 characters. */
export interface PayoutAccount {
  method: PayoutMethod;
  reference: string;
  updatedAt: string;
}

export interface PayoutAccountInput {
  method: PayoutMethod;
  reference: string;
}

/** What a seller has earned in one currency, in its minor units. */
export interface Balance {
  currency: string;
  /** Held in escrow until after the event. */
  pending: number;
  /** Released and not paid out yet; negative when a refund took back more than was left. */
  available: number;
  /** The sum of the payouts made. */
  paidOut: number;
}

/** `GET /api/payments/earnings`. */
export interface Earnings {
  balances: Balance[];
  /** When the next of the seller's held money is released; null when none is held. */
  nextReleaseAt: string | null;
}

export type PayoutStatus = 'pending' | 'paid' | 'failed';

/** Money sent to a seller's payout account. */
export interface Payout {
  id: string;
  amount: number;
  currency: string;
  status: PayoutStatus;
  method: PayoutMethod;
  createdAt: string;
  paidAt: string | null;
}

/** `GET /api/payments/ledger/balances`: signed minor units, debit positive, credit negative. */
export interface LedgerBalances {
  /** Every account whose balance is not 0: `provider_cash`, `escrow:<order>`, … */
  accounts: { account: string; currency: string; balance: number }[];
  /** The sum of every account per currency: 0 while every journal balances. */
  totals: { currency: string; balance: number }[];
}

export interface Page<T> {
  items: T[];
  page: number;
  size: number;
  /** Exact unless `totalExact` is false: then more than this many exist. */
  totalItems: number;
  /** `totalItems / size` rounded up; with `totalExact` false there is at least one more. */
  totalPages: number;
  /** Only on lists whose count is bounded (`GET /api/tickets`, ADR 18). */
  totalExact?: boolean;
}

export interface FieldError {
  field: string;
  message: string;
}
