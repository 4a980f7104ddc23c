import { ApiError, networkError, problemOf } from './problem';
import type {
  Account,
  CheckIn,
  Earnings,
  HeldTicket,
  LedgerBalances,
  Order,
  Page,
  Pass,
  Payment,
  Payout,
  PayoutAccount,
  PayoutAccountInput,
  ResaleInput,
  Ticket,
  TicketInput,
  TicketStatus,
  User,
} from './types';

/** The four services behind `/api/<service>`. */
export type Service = 'users' | 'tickets' | 'orders' | 'payments';

/**
 * Sends one request to a service. `path` is what follows `/api/<service>` (`''`, `/signup`,
 * `?q=x`). The browser's transport goes through the client's own origin, the server's straight
 * to the service with the visitor's session cookie.
 */
export type Transport = (service: Service, path: string, init: RequestInit) => Promise<Response>;

export interface PageRequest {
  page?: number;
  size?: number;
}

export interface TicketQuery extends PageRequest {
  q?: string;
  status?: TicketStatus | 'all';
  sellerId?: string;
}

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') {
      search.set(name, String(value));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

function id(value: string): string {
  return `/${encodeURIComponent(value)}`;
}

function json(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...headers },
  };
}

/** The typed calls of DESIGN §2. Every failure is thrown as an {@link ApiError}. */
export function createApi(transport: Transport) {
  async function send(service: Service, path: string, init: RequestInit): Promise<Response> {
    let response: Response;
    try {
      response = await transport(service, path, init);
    } catch (error) {
      throw error instanceof ApiError ? error : networkError(error);
    }
    if (!response.ok) {
      throw await problemOf(response);
    }
    return response;
  }

  async function read<T>(service: Service, path: string, init: RequestInit = {}): Promise<T> {
    const response = await send(service, path, init);
    return (await response.json()) as T;
  }

  /** A read whose 404 means "there is no such thing" rather than a failure. */
  async function readOrNull<T>(service: Service, path: string): Promise<T | null> {
    try {
      return await read<T>(service, path);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) {
        return null;
      }
      throw error;
    }
  }

  return {
    async currentUser(): Promise<User | null> {
      type Answer = { currentUser: (Account & { roles?: string[] }) | null };
      const body = await read<Answer>('users', '/currentuser');
      // An account without roles may come without the member, as its token does (DESIGN §2).
      return body.currentUser && { ...body.currentUser, roles: body.currentUser.roles ?? [] };
    },
    signup: (email: string, password: string) =>
      read<Account>('users', '/signup', { method: 'POST', ...json({ email, password }) }),
    signin: (email: string, password: string) =>
      read<Account>('users', '/signin', { method: 'POST', ...json({ email, password }) }),
    async signout(): Promise<void> {
      await send('users', '/signout', { method: 'POST' });
    },

    listTickets: (request: TicketQuery = {}) =>
      read<Page<Ticket>>('tickets', query({ ...request })),
    getTicket: (ticketId: string) => readOrNull<Ticket>('tickets', id(ticketId)),
    createTicket: (input: TicketInput) =>
      read<Ticket>('tickets', '', { method: 'POST', ...json(input) }),
    updateTicket: (ticketId: string, input: TicketInput & { version: number }) =>
      read<Ticket>('tickets', id(ticketId), { method: 'PUT', ...json(input) }),
    async withdrawTicket(ticketId: string): Promise<void> {
      await send('tickets', id(ticketId), { method: 'DELETE' });
    },
    /** Lists the ticket the caller holds a pass for again, as a new listing of theirs. */
    resellTicket: (ticketId: string, input: ResaleInput) =>
      read<Ticket>('tickets', `${id(ticketId)}/resale`, { method: 'POST', ...json(input) }),
    listHeldTickets: (request: PageRequest = {}) =>
      read<Page<HeldTicket>>('tickets', `/held${query({ ...request })}`),
    /** The caller's pass for a ticket; null when they hold none. */
    getPass: (ticketId: string) => readOrNull<Pass>('tickets', `${id(ticketId)}/pass`),
    /** Admits the holder of `code` at the door, once; needs the `door` role. */
    checkIn: (code: string) =>
      read<CheckIn>('tickets', '/checkins', { method: 'POST', ...json({ code }) }),

    createOrder: (ticketId: string) =>
      read<Order>('orders', '', { method: 'POST', ...json({ ticketId }) }),
    listOrders: (request: PageRequest = {}) => read<Page<Order>>('orders', query({ ...request })),
    getOrder: (orderId: string) => readOrNull<Order>('orders', id(orderId)),
    async cancelOrder(orderId: string): Promise<void> {
      await send('orders', id(orderId), { method: 'DELETE' });
    },

    /** One payment attempt; retries of the same attempt must reuse its `idempotencyKey`. */
    pay: (orderId: string, paymentMethod: string, idempotencyKey: string) =>
      read<Payment>('payments', '', {
        method: 'POST',
        ...json({ orderId, paymentMethod }, { 'Idempotency-Key': idempotencyKey }),
      }),
    listPayments: (request: PageRequest & { orderId?: string } = {}) =>
      read<Page<Payment>>('payments', query({ ...request })),
    /** A payment of the caller's; any payment for a `support` account. Null when there is none. */
    getPayment: (paymentId: string) => readOrNull<Payment>('payments', id(paymentId)),
    /** Refunds a payment on a buyer's behalf; needs the `support` role. */
    refundPayment: (paymentId: string, reason: string) =>
      read<Payment>('payments', `${id(paymentId)}/refunds`, {
        method: 'POST',
        ...json({ reason }),
      }),

    /** Where the caller is paid as a seller; null until they set it. */
    getPayoutAccount: () => readOrNull<PayoutAccount>('payments', '/payout-account'),
    setPayoutAccount: (input: PayoutAccountInput) =>
      read<PayoutAccount>('payments', '/payout-account', { method: 'PUT', ...json(input) }),
    getEarnings: () => read<Earnings>('payments', '/earnings'),
    listPayouts: (request: PageRequest = {}) =>
      read<Page<Payout>>('payments', `/payouts${query({ ...request })}`),
    /** Every ledger account that is not 0, and the totals; needs the `support` role. */
    ledgerBalances: () => read<LedgerBalances>('payments', '/ledger/balances'),
  };
}

export type Api = ReturnType<typeof createApi>;
