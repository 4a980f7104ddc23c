// The shapes of DESIGN §2, as the services send them.

export interface User {
  id: string;
  email: string;
}

export type TicketStatus = 'available' | 'reserved' | 'sold' | 'withdrawn';

export interface Ticket {
  id: string;
  title: string;
  /** Minor units of `currency` (1250 = 12.50 USD). */
  price: number;
  currency: string;
  description: string | null;
  venue: string | null;
  eventAt: string | null;
  sellerId: string;
  status: TicketStatus;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface TicketInput {
  title: string;
  price: number;
  currency: string;
  description: string | null;
  venue: string | null;
  eventAt: string | null;
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

export interface Page<T> {
  items: T[];
  page: number;
  size: number;
  totalItems: number;
  totalPages: number;
}

export interface FieldError {
  field: string;
  message: string;
}
