// The purchase workload of the fault test (infra/local/fault-test.sh), run against bin/run --scaled
// while the script kills, stops and restarts its parts. Actors repeat purchase flows (sign-ups,
// listings, orders, payments, resales, check-ins, cancels, and the storefront's pages) through the
// single origin until the script creates the stop file; each flow ends or the test fails. Then the
// requests are judged against the fault windows the script wrote down, and the results, with the
// acknowledged payments, are written for the script's own checks.
import { randomUUID } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';

import { expect, it } from 'vitest';

import type { Order, Page, Pass, Payment, Ticket } from '../src/lib/api/types';
import { PASSWORD, uniqueEmail } from '../system/support/env';
import { grantRole } from '../system/support/operator';
import { type Answer, Visitor } from '../system/support/visitor';

function setting(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: the fault test (infra/local/fault-test.sh) runs this`);
  }
  return value;
}

const STOP_FILE = setting('FAULTS_STOP');
const WINDOWS_FILE = setting('FAULTS_WINDOWS');
const RESULTS_FILE = setting('FAULTS_RESULTS');
const REQUESTS_FILE = setting('FAULTS_REQUESTS');
const ACTORS = Number(process.env.FAULTS_ACTORS ?? 4);
/** How long one step of a flow may take, faults and event hops included. */
const STEP_MS = 180_000;

/** One request as the workload saw it; status 0 when no answer came at all. */
interface Sent {
  start: number;
  end: number;
  method: string;
  path: string;
  status: number;
  type: string;
  retryAfter: string | null;
  code: string | null;
  error?: string;
}

const sent: Sent[] = [];
const fetchOnce = globalThis.fetch;
// Every request on a connection of its own (`Connection: close`): a kept-alive connection that the
// origin closes as it reloads could otherwise cut off a request the system never saw, which a
// browser would repeat by itself. Each is written down, with what came back.
globalThis.fetch = async (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  const headers = new Headers(init?.headers);
  headers.set('connection', 'close');
  const record: Sent = {
    start: Date.now(),
    end: 0,
    method: init?.method ?? 'GET',
    path: url.pathname,
    status: 0,
    type: '',
    retryAfter: null,
    code: null,
  };
  try {
    const response = await fetchOnce(input, { ...init, headers });
    record.status = response.status;
    record.type = response.headers.get('content-type') ?? '';
    record.retryAfter = response.headers.get('retry-after');
    if (response.status >= 400 && record.type.includes('json')) {
      record.code = ((await response.clone().json()) as { code?: string }).code ?? null;
    }
    return response;
  } catch (error) {
    record.error = String((error as Error).cause ?? error);
    throw error;
  } finally {
    record.end = Date.now();
    sent.push(record);
    appendFileSync(REQUESTS_FILE, `${JSON.stringify(record)}\n`);
  }
};

class FlowError extends Error {}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends until `accept` takes the answer, as a patient client does: after a 5xx or no answer a
 * second later (sooner than the origin's Retry-After, to keep the pressure on), after anything
 * else (an event not arrived yet) a quarter of a second later.
 */
async function until<T>(
  what: string,
  send: () => Promise<Answer<T>>,
  accept: (answer: Answer<T>) => boolean,
): Promise<Answer<T>> {
  const deadline = Date.now() + STEP_MS;
  let last = 'nothing';
  while (Date.now() < deadline) {
    try {
      const answer = await send();
      if (accept(answer)) {
        return answer;
      }
      last = `${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`;
      await sleep(answer.status >= 500 ? 1000 : 250);
    } catch (error) {
      last = String(error);
      await sleep(1000);
    }
  }
  throw new FlowError(`${what}: not done within ${STEP_MS / 1000} s; last answer ${last}`);
}

async function signUp(role: string): Promise<Visitor> {
  const visitor = new Visitor();
  const email = uniqueEmail(role);
  const credentials = { json: { email, password: PASSWORD } };
  const answer = await until(
    `sign-up of ${email}`,
    () => visitor.post<{ id: string; code?: string }>('/api/users/signup', credentials),
    (a) => a.status === 201 || a.body?.code === 'email_in_use',
  );
  // A sign-up cut off after it was made: the account exists, so signing in finishes it.
  const signedIn =
    answer.status === 201
      ? answer
      : await until(
          `sign-in of ${email}`,
          () => visitor.post<{ id: string }>('/api/users/signin', credentials),
          (a) => a.status === 200,
        );
  visitor.email = email;
  visitor.id = signedIn.body.id;
  return visitor;
}

interface Tally {
  flows: number;
  sold: number;
  cancelled: number;
  resold: number;
  checkedIn: number;
  /** Payments the system answered 201 to: each must be in payments-service's database. */
  acknowledged: { payment: string; order: string }[];
  failures: string[];
}
const tally: Tally = {
  flows: 0,
  sold: 0,
  cancelled: 0,
  resold: 0,
  checkedIn: 0,
  acknowledged: [],
  failures: [],
};

const anonymous = new Visitor();

async function list(seller: Visitor, n: number): Promise<Ticket> {
  const eventAt = new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString();
  const answer = await until(
    'listing',
    () =>
      seller.post<Ticket>('/api/tickets', {
        json: { title: `Fault run ${n} floor`, price: 4000 + n, currency: 'EUR', eventAt },
      }),
    (a) => a.status === 201,
  );
  return answer.body;
}

/** Reserves `ticketId` for `buyer`: 201, or a 409 for an order of theirs an earlier try made. */
async function reserve(buyer: Visitor, ticketId: string): Promise<Order> {
  const answer = await until(
    `order of ${ticketId}`,
    () => buyer.post<Order & { code?: string }>('/api/orders', { json: { ticketId } }),
    (a) => a.status === 201 || a.body?.code === 'ticket_unavailable',
  );
  if (answer.status === 201) {
    return answer.body;
  }
  const mine = await until(
    'the buyer’s orders',
    () => buyer.get<Page<Order>>('/api/orders'),
    (a) => a.status === 200,
  );
  const order = mine.body.items.find((o) => o.ticket.id === ticketId && o.status === 'created');
  if (!order) {
    throw new FlowError(`ticket ${ticketId} was unavailable to its only buyer`);
  }
  return order;
}

async function purchase(buyer: Visitor, ticketId: string): Promise<Pass> {
  const order = await reserve(buyer, ticketId);
  const key = randomUUID();
  const paid = await until(
    `payment of ${order.id}`,
    () =>
      buyer.post<Payment>('/api/payments', {
        json: { orderId: order.id, paymentMethod: 'pm_card_visa' },
        headers: { 'Idempotency-Key': key },
      }),
    (a) => a.status === 201,
  );
  tally.acknowledged.push({ payment: paid.body.id, order: order.id });
  await until(
    `completion of ${order.id}`,
    () => buyer.get<Order>(`/api/orders/${order.id}`),
    (a) => a.status === 200 && a.body.status === 'complete',
  );
  const pass = await until(
    `pass for ${ticketId}`,
    () => buyer.get<Pass>(`/api/tickets/${ticketId}/pass`),
    (a) => a.status === 200 && a.body.status === 'valid',
  );
  tally.sold += 1;
  return pass.body;
}

async function checkIn(door: Visitor, pass: Pass): Promise<void> {
  await until(
    `check-in of ${pass.id}`,
    () => door.post<{ code?: string }>('/api/tickets/checkins', { json: { code: pass.code } }),
    // already_checked_in: an earlier try got in and its answer was lost.
    (a) => a.status === 200 || a.body?.code === 'already_checked_in',
  );
  tally.checkedIn += 1;
}

async function resell(holder: Visitor, ticket: Ticket): Promise<Ticket> {
  const answer = await until(
    `resale of ${ticket.id}`,
    () =>
      holder.post<Ticket & { code?: string }>(`/api/tickets/${ticket.id}/resale`, {
        json: { price: ticket.price },
      }),
    (a) => a.status === 201 || a.body?.code === 'already_listed',
  );
  if (answer.status === 201) {
    return answer.body;
  }
  const listings = await until(
    'the holder’s listings',
    () => holder.get<Page<Ticket>>(`/api/tickets?sellerId=${holder.id}&status=all`),
    (a) => a.status === 200,
  );
  const listing = listings.body.items.find((t) => t.resoldFrom === ticket.id);
  if (!listing) {
    throw new FlowError(`the resale of ${ticket.id} is listed, but not among its seller's`);
  }
  return listing;
}

/** One flow: a listing, a page view, a buyer; then a cancel, a check-in, or a resale bought and checked in. */
async function flow(seller: Visitor, door: Visitor, n: number): Promise<void> {
  const listing = await list(seller, n);
  await until(
    'the listing’s page',
    () => anonymous.get(`/tickets/${listing.id}`),
    (a) => a.status === 200,
  );
  const buyer = await signUp(`buyer${n}`);
  if (n % 5 === 4) {
    const order = await reserve(buyer, listing.id);
    await until(
      `cancel of ${order.id}`,
      () => buyer.delete(`/api/orders/${order.id}`),
      (a) => a.status === 204,
    );
    tally.cancelled += 1;
    return;
  }
  const pass = await purchase(buyer, listing.id);
  if (n % 2 === 0) {
    await checkIn(door, pass);
    return;
  }
  const resale = await resell(buyer, listing);
  tally.resold += 1;
  const next = await signUp(`second${n}`);
  await checkIn(door, await purchase(next, resale.id));
}

async function actor(index: number, door: Visitor): Promise<void> {
  const seller = await signUp(`seller${index}`);
  for (let round = 0; !existsSync(STOP_FILE); round += 1) {
    const n = round * ACTORS + index;
    try {
      await flow(seller, door, n);
    } catch (error) {
      tally.failures.push(`flow ${n}: ${String(error)}`);
      if (!(error instanceof FlowError)) {
        throw error;
      }
    } finally {
      tally.flows += 1;
    }
    await until(
      'the storefront’s home page',
      () => anonymous.get('/'),
      (a) => a.status === 200,
    );
  }
}

interface FaultWindow {
  name: string;
  kind: 'fault' | 'rolling';
  start: number;
  end: number;
}

it('keeps buying through the faults, and every request that failed was a fault’s', async () => {
  writeFileSync(REQUESTS_FILE, '');
  const door = await signUp('door');
  await grantRole('door', door.email);
  expect((await door.refresh()).status).toBe(200);
  writeFileSync(`${STOP_FILE}.ready`, '');

  await Promise.all(Array.from({ length: ACTORS }, (_, index) => actor(index, door)));

  const windows = readFileSync(WINDOWS_FILE, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as FaultWindow);
  const overlaps = (request: Sent, window: FaultWindow) =>
    request.start <= window.end && request.end >= window.start;
  const failed = sent.filter((request) => request.status === 0 || request.status >= 500);
  const show = (requests: Sent[]) =>
    requests
      .slice(0, 5)
      .map((r) => `${r.method} ${r.path} ${r.status || r.error} ${r.code ?? ''} at ${r.start}`)
      .join('; ');
  const outside = failed.filter((r) => !windows.some((w) => w.kind === 'fault' && overlaps(r, w)));
  const notProblem = failed.filter(
    (r) =>
      r.status !== 503 ||
      !r.type.startsWith('application/problem+json') ||
      !r.retryAfter ||
      !['service_unavailable', 'upstream_unavailable'].includes(r.code ?? ''),
  );
  const results: [boolean, string][] = [
    [tally.failures.length === 0, `every flow finished (${tally.failures.join(' | ')})`],
    [outside.length === 0, `every failed request was inside a fault window (${show(outside)})`],
    [
      notProblem.length === 0,
      `every failed request was a 503 problem+json with Retry-After, none a 500 (${show(notProblem)})`,
    ],
    [
      windows.filter((w) => w.kind === 'rolling').every((w) => !failed.some((r) => overlaps(r, w))),
      `no request failed during the rolling restarts (${show(failed.filter((r) => windows.some((w) => w.kind === 'rolling' && overlaps(r, w))))})`,
    ],
    ...windows.map((w): [boolean, string] => [
      sent.some((r) => r.start >= w.start && r.start <= w.end),
      `the workload sent requests during ${w.name}`,
    ]),
  ];
  writeFileSync(
    RESULTS_FILE,
    results.map(([ok, text]) => `${ok ? 'ok' : 'FAIL'}\t${text.replace(/ \(\)$/, '')}\n`).join(''),
  );
  writeFileSync(
    `${RESULTS_FILE}.json`,
    JSON.stringify({ ...tally, requests: sent.length, failedRequests: failed.length }),
  );
  console.log(
    `workload: ${tally.flows} flows (${tally.sold} sales, ${tally.resold} resales, ${tally.checkedIn} check-ins, ${tally.cancelled} cancels), ${sent.length} requests, ${failed.length} failed`,
  );
}, 3_600_000);
