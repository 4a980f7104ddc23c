import { randomBytes } from 'node:crypto';

import { describe, expect, it, vi } from 'vitest';

import { awaitOrdersKnow, listTicket, orderBecomes } from '../system/support/market';
import { Visitor } from '../system/support/visitor';
import type { Payment } from '../src/lib/api/types';

// One purchase followed in the trace store bin/run --observe starts (Zipkin, docs/adr/0022): each
// request carries a traceparent of the test's own, so its trace is found by id, and every span of
// it must hang together: each consumer's handling under the publish of the message it handled,
// each publish under the request or the handling whose transaction wrote the event.
const ZIPKIN_URL = (process.env.ZIPKIN_URL ?? 'http://127.0.0.1:9411').replace(/\/$/, '');

interface ZipkinSpan {
  traceId: string;
  id: string;
  parentId?: string;
  name: string;
  kind?: 'SERVER' | 'CLIENT' | 'PRODUCER' | 'CONSUMER';
  localEndpoint?: { serviceName?: string };
  tags?: Record<string, string>;
}

function traceparent(): { header: string; traceId: string; spanId: string } {
  const traceId = randomBytes(16).toString('hex');
  const spanId = randomBytes(8).toString('hex');
  return { header: `00-${traceId}-${spanId}-01`, traceId, spanId };
}

async function trace(traceId: string): Promise<ZipkinSpan[]> {
  const response = await fetch(`${ZIPKIN_URL}/api/v2/trace/${traceId}`);
  return response.status === 200 ? ((await response.json()) as ZipkinSpan[]) : [];
}

const describeSpan = (span: ZipkinSpan) => `${span.localEndpoint?.serviceName} ${span.name}`;

/** The trace once it holds every (service, span name) expected, checked for its shape. */
async function traceWith(
  traceId: string,
  callerSpanId: string,
  expected: string[],
): Promise<ZipkinSpan[]> {
  const spans = await vi.waitFor(
    async () => {
      const found = await trace(traceId);
      expect(found.map(describeSpan)).toEqual(expect.arrayContaining(expected));
      return found;
    },
    { timeout: 45_000, interval: 500 },
  );
  const byId = new Map(spans.map((span) => [span.id, span]));
  const roots = spans.filter((span) => span.parentId === callerSpanId);
  expect(roots.map(describeSpan), 'the request continues the caller’s trace').toHaveLength(1);
  expect(roots[0]!.kind).toBe('SERVER');
  for (const span of spans) {
    if (span === roots[0]) continue;
    const parent = byId.get(span.parentId ?? '');
    expect(parent, `the parent of ${describeSpan(span)} is in the trace`).toBeDefined();
    if (span.kind === 'CONSUMER') {
      expect(
        describeSpan(parent!),
        `${describeSpan(span)} hangs under its message's publish`,
      ).toMatch(
        new RegExp(` publish ${span.name.replace(/^process /, '').replace(/\./g, '\\.')}$`),
      );
    }
    if (span.kind === 'PRODUCER') {
      expect(
        parent!.localEndpoint?.serviceName,
        `${describeSpan(span)} hangs under a span of its own service`,
      ).toBe(span.localEndpoint?.serviceName);
    }
  }
  return spans;
}

describe('a purchase in the trace store', () => {
  it('follows the order and the payment from each request to the last consumer', async () => {
    const seller = await Visitor.signUp('seller');
    const listed = await listTicket(seller);
    const buyer = await Visitor.signUp('buyer');
    await awaitOrdersKnow(seller, listed.id);

    const ordering = traceparent();
    const placed = await buyer.post<{ id: string }>('/api/orders', {
      json: { ticketId: listed.id },
      headers: { traceparent: ordering.header },
    });
    expect(placed.status).toBe(201);
    await traceWith(ordering.traceId, ordering.spanId, [
      'orders-service http post /api/orders',
      'orders-service publish orders.v1.order.created',
      'tickets-service process orders.v1.order.created',
      'payments-service process orders.v1.order.created',
      'tickets-service publish tickets.v1.ticket.updated',
      'orders-service process tickets.v1.ticket.updated',
    ]);

    // payments-service may not know the order yet; its 404 is repeated with the same key and
    // a new trace, and the trace of the one that succeeded is followed.
    const paying = await vi.waitFor(
      async () => {
        const attempt = traceparent();
        const answer = await buyer.post<Payment>('/api/payments', {
          json: { orderId: placed.body.id, paymentMethod: 'pm_card_visa' },
          headers: { traceparent: attempt.header },
        });
        expect(answer.status).toBe(201);
        return attempt;
      },
      { timeout: 30_000, interval: 300 },
    );
    await orderBecomes(buyer, placed.body.id, 'complete');
    await traceWith(paying.traceId, paying.spanId, [
      'payments-service http post /api/payments',
      'payments-service publish payments.v1.payment.succeeded',
      'orders-service process payments.v1.payment.succeeded',
      'orders-service publish orders.v1.order.completed',
      'tickets-service process orders.v1.order.completed',
      'payments-service process orders.v1.order.completed',
      'tickets-service publish tickets.v1.ticket.updated',
      'orders-service process tickets.v1.ticket.updated',
    ]);
  });
});
