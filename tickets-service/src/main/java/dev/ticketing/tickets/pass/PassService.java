package dev.ticketing.tickets.pass;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.ticketing.common.domain.DomainException;
import dev.ticketing.common.messaging.Outbox;
import dev.ticketing.common.metrics.OnCommit;
import dev.ticketing.common.web.PageQuery;
import dev.ticketing.common.web.PageResponse;
import dev.ticketing.tickets.ticket.ResaleListings;
import dev.ticketing.tickets.ticket.Ticket;
import dev.ticketing.tickets.ticket.TicketEvents;
import dev.ticketing.tickets.ticket.TicketNotFoundException;
import dev.ticketing.tickets.ticket.TicketRepository;
import dev.ticketing.tickets.ticket.TicketStatus;

/**
 * Issuing, reselling, checking in and voiding passes (DESIGN §2, "Pass"). At every moment
 * a ticket has at most one pass whose code admits anyone; the database enforces it, and
 * one check-in per pass. Counts {@code ticketing.tickets.passes.issued} and
 * {@code ticketing.tickets.checkins} by {@code outcome} ({@code admitted},
 * {@code refused}).
 */
@Service
public class PassService implements ResaleListings {

	private static final Logger logger = LoggerFactory.getLogger(PassService.class);

	/** Attempts at a check-in whose pass changes between the update and the read. */
	private static final int CHECK_IN_ATTEMPTS = 3;

	private final PassRepository passes;

	private final TicketRepository tickets;

	private final PassCodes codes;

	private final Outbox outbox;

	private final Clock clock;

	private final Counter issued;

	private final Counter admitted;

	private final Counter refused;

	PassService(PassRepository passes, TicketRepository tickets, PassCodes codes, Outbox outbox, Clock clock,
			MeterRegistry meters) {
		this.passes = passes;
		this.tickets = tickets;
		this.codes = codes;
		this.outbox = outbox;
		this.clock = clock;
		this.issued = Counter.builder("ticketing.tickets.passes.issued")
			.description("Passes issued to the buyers of listings sold")
			.register(meters);
		this.admitted = checkIns(meters, "admitted");
		this.refused = checkIns(meters, "refused");
	}

	private static Counter checkIns(MeterRegistry meters, String outcome) {
		return Counter.builder("ticketing.tickets.checkins")
			.description("Pass codes presented at the door, by outcome")
			.tag("outcome", outcome)
			.register(meters);
	}

	/**
	 * Issues a pass to the buyer of a listing just sold, in the same transaction, and
	 * voids the reseller's pass if it is a resale. A pass for an order already refunded
	 * is void from the start.
	 */
	@Transactional
	public Pass issue(Ticket sold, UUID buyerId, UUID orderId) {
		Instant now = now();
		UUID origin = sold.id();
		UUID resoldFrom = sold.resoldFrom();
		if (resoldFrom != null) {
			Optional<Pass> resellers = this.passes.findByTicketForUpdate(resoldFrom);
			if (resellers.isPresent()) {
				Pass reseller = resellers.get();
				origin = reseller.originId();
				Pass superseded = reseller.voidFor(VoidReason.RESOLD, now);
				if (superseded != reseller) {
					this.passes.update(superseded);
				}
			}
			else {
				logger.error("Resale listing {} was sold but listing {} it resells has no pass", sold.id(), resoldFrom);
				origin = resoldFrom;
			}
		}
		UUID id = UUID.randomUUID();
		Pass pass = Pass.issue(id, sold.id(), origin, buyerId, orderId, this.codes.sign(id, sold.id(), now),
				this.passes.isRefunded(orderId), now);
		this.passes.insert(pass);
		OnCommit.increment(this.issued);
		return pass;
	}

	/** The passes a user holds, any status, newest first, each with its listing. */
	@Transactional(readOnly = true)
	public PageResponse<HeldPass> held(UUID holderId, PageQuery page) {
		PageResponse<Pass> held = this.passes.heldBy(holderId, page);
		Map<UUID, Ticket> listings = this.tickets.findAll(held.items().stream().map(Pass::ticketId).toList());
		return held.map((pass) -> new HeldPass(
				Objects.requireNonNull(listings.get(pass.ticketId()), "a pass's listing is never deleted"), pass));
	}

	/**
	 * The pass bought through a listing, to its holder only.
	 * @throws PassNotFoundException if there is none, or it is someone else's
	 */
	@Transactional(readOnly = true)
	public Pass pass(UUID holderId, UUID ticketId) {
		return this.passes.findByTicket(ticketId)
			.filter((pass) -> pass.isHeldBy(holderId))
			.orElseThrow(PassNotFoundException::new);
	}

	/**
	 * Admits the holder of a code, once.
	 * @throws CodeInvalidException if it is not a code of a pass
	 * @throws AlreadyCheckedInException, TicketListedException, PassVoidException if the
	 * pass does not admit
	 */
	@Transactional
	public CheckIn checkIn(String code) {
		CheckIn checkIn;
		try {
			checkIn = admit(code);
		}
		catch (DomainException ex) {
			// A refusal changes nothing, so it counts whether or not anything commits.
			this.refused.increment();
			throw ex;
		}
		OnCommit.increment(this.admitted);
		return checkIn;
	}

	private CheckIn admit(String code) {
		PassCodes.PassClaims claims = this.codes.read(code);
		for (int attempt = 1;; attempt++) {
			Optional<Pass> used = this.passes.checkIn(claims.passId(), claims.ticketId(), now());
			if (used.isPresent()) {
				Ticket ticket = this.tickets.find(claims.ticketId()).orElseThrow(TicketNotFoundException::new);
				return new CheckIn(used.get(), ticket);
			}
			Pass pass = this.passes.find(claims.passId())
				.filter((found) -> found.ticketId().equals(claims.ticketId()))
				.orElseThrow(CodeInvalidException::new);
			if (pass.status() != PassStatus.VALID || attempt == CHECK_IN_ATTEMPTS) {
				throw pass.refusal();
			}
		}
	}

	/**
	 * The caller's pass for a listing, locked for the caller's transaction, if it may be
	 * listed for resale.
	 * @throws NotHolderException if the caller holds no pass for the listing
	 * @throws AlreadyListedException, AlreadyCheckedInException, PassVoidException unless
	 * it is valid
	 */
	@Transactional
	public Pass lockForResale(UUID holderId, UUID ticketId) {
		Pass pass = this.passes.findByTicketForUpdate(ticketId)
			.filter((found) -> found.isHeldBy(holderId))
			.orElseThrow(NotHolderException::new);
		pass.requireListable();
		return pass;
	}

	/**
	 * Marks a pass {@link #lockForResale locked for resale} as listed by a new listing.
	 */
	@Transactional
	public void listed(Pass pass, UUID resaleId) {
		this.passes.update(pass.listAs(resaleId, now()));
	}

	@Override
	@Transactional
	public void withdrawn(Ticket resale) {
		UUID resoldFrom = resale.resoldFrom();
		if (resoldFrom == null) {
			return;
		}
		this.passes.findByTicketForUpdate(resoldFrom)
			.map((pass) -> pass.unlist(resale.id(), now()))
			.ifPresent(this.passes::update);
	}

	/**
	 * Voids the pass of an order support refunded, and takes its resale listing off the
	 * market if it is still there; remembers the refund in case the order's pass is not
	 * issued yet. Refunding again changes nothing. Like every change here it locks the
	 * listing before the pass (a withdrawal and a sale do the same), so that they cannot
	 * deadlock.
	 */
	@Transactional
	public void refunded(UUID orderId) {
		Instant now = now();
		this.passes.recordRefund(orderId, now);
		Optional<Ticket> resale = this.passes.findByOrder(orderId)
			.map(Pass::resaleId)
			.flatMap(this.tickets::findForUpdate);
		Optional<Pass> found = this.passes.findByOrderForUpdate(orderId);
		if (found.isEmpty()) {
			return;
		}
		Pass pass = found.get();
		Pass voided = pass.voidFor(VoidReason.REFUNDED, now);
		if (voided == pass) {
			return;
		}
		this.passes.update(voided);
		if (pass.status() == PassStatus.LISTED && resale.isPresent() && resale.get().id().equals(pass.resaleId())) {
			withdrawResale(resale.get(), now);
		}
	}

	/** The public keys of pass codes, as a JWK set. */
	public Map<String, Object> jwkSet() {
		return this.codes.jwkSet();
	}

	private void withdrawResale(Ticket resale, Instant now) {
		if (resale.status() != TicketStatus.AVAILABLE) {
			logger.warn("The pass of a refunded order listed {}, which is {}: left as it is", resale.id(),
					resale.status().value());
			return;
		}
		Ticket withdrawn = resale.withdraw(now);
		this.tickets.update(withdrawn);
		this.outbox.append(TicketEvents.updated(withdrawn));
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	/**
	 * A held pass and the listing it was bought through.
	 *
	 * @param ticket the listing
	 * @param pass the pass
	 */
	public record HeldPass(Ticket ticket, Pass pass) {
	}

	/**
	 * An admission at the door.
	 *
	 * @param pass the pass, now used
	 * @param ticket the listing it was bought through
	 */
	public record CheckIn(Pass pass, Ticket ticket) {
	}

}
