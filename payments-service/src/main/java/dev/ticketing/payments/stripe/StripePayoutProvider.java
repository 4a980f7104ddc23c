package dev.ticketing.payments.stripe;

import java.util.Locale;
import java.util.Set;

import com.stripe.StripeClient;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.PermissionException;
import com.stripe.exception.StripeException;
import com.stripe.model.StripeError;
import com.stripe.model.Transfer;
import com.stripe.model.TransferReversal;
import com.stripe.net.RequestOptions;
import com.stripe.param.TransferCreateParams;
import com.stripe.param.TransferReversalCreateParams;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ticketing.payments.PaymentsProperties;
import dev.ticketing.payments.payout.PayoutInstruction;
import dev.ticketing.payments.payout.PayoutOutcome;
import dev.ticketing.payments.payout.PayoutProvider;
import dev.ticketing.payments.payout.PayoutProviderException;
import dev.ticketing.payments.payout.PayoutReversal;

/**
 * Stripe Connect's Transfers API ("separate charges and transfers") through stripe-java's
 * {@link StripeClient}: an instance of its own, as {@link StripePaymentProvider}'s is, so
 * that its key, base address, timeouts and retries are this provider's alone.
 * <p>
 * A payout is one transfer from the platform's balance to the seller's connected account
 * ({@code acct_…}), in the payout's transfer group, under the payout's idempotency key: a
 * retry (stripe-java's own, or the payout job's with the same {@code Idempotency-Key})
 * reaches the same transfer and never pays twice. Only Stripe's definitive refusals are
 * {@link PayoutOutcome.Refused}: a destination that does not exist or cannot receive
 * transfers, an amount Stripe will never accept. Everything else, including a platform
 * balance too low for now ({@code balance_insufficient}), is a
 * {@link PayoutProviderException}: the payout stays pending and is retried with the same
 * key.
 * <p>
 * A reversal takes money back from the connected account under the reversal's key. Stripe
 * refusing because the money is no longer there (the account's balance cannot cover it,
 * or the transfer is already reversed by as much) answers {@code false}.
 */
public class StripePayoutProvider implements PayoutProvider {

	/** The metadata key of our payout on a transfer. */
	static final String PAYOUT = "payoutId";

	/** The metadata key of the seller paid by a transfer. */
	static final String SELLER = "sellerId";

	/**
	 * The metadata key of the reversal's idempotency key, to tell which of our reversals
	 * made a {@code transfer_reversal}.
	 */
	static final String REVERSAL = "reversalKey";

	/**
	 * Stripe's codes for a transfer it will never make, whatever the retry: the
	 * destination is not a connected account that can receive transfers (its
	 * {@code transfers} capability is not active; Stripe names no parameter then), or the
	 * amount is outside Stripe's limits.
	 */
	private static final Set<String> REFUSED_TRANSFER = Set.of("account_invalid",
			"insufficient_capabilities_for_transfer", "transfers_not_allowed", "amount_too_small", "amount_too_large");

	/**
	 * Stripe's codes for a reversal the connected account's balance cannot cover: the
	 * money is gone (paid out to the seller's bank, or spent on refunds), and no retry
	 * brings it back.
	 */
	private static final Set<String> UNCOVERED_REVERSAL = Set.of("balance_insufficient", "insufficient_funds");

	private static final Logger logger = LoggerFactory.getLogger(StripePayoutProvider.class);

	private final StripeClient client;

	public StripePayoutProvider(PaymentsProperties.Stripe settings) {
		this.client = StripeClients.of(settings);
	}

	@Override
	public String method() {
		return "stripe";
	}

	@Override
	public PayoutOutcome pay(PayoutInstruction instruction) {
		TransferCreateParams params = TransferCreateParams.builder()
			.setAmount(instruction.amount())
			.setCurrency(instruction.currency().toLowerCase(Locale.ROOT))
			.setDestination(instruction.reference())
			.setTransferGroup(instruction.transferGroup())
			.putMetadata(PAYOUT, instruction.payoutId().toString())
			.putMetadata(SELLER, instruction.sellerId().toString())
			.build();
		Transfer transfer;
		try {
			transfer = this.client.v1()
				.transfers()
				.create(params, RequestOptions.builder().setIdempotencyKey(instruction.idempotencyKey()).build());
		}
		catch (InvalidRequestException ex) {
			if (isRefusedTransfer(ex)) {
				String reason = message(ex);
				logger.warn("Stripe refused payout {} to {} (code {}, request {}): {}", instruction.payoutId(),
						instruction.reference(), ex.getCode(), ex.getRequestId(), reason);
				return new PayoutOutcome.Refused(reason);
			}
			throw failure("Stripe refused to create a transfer for payout " + instruction.payoutId() + " to "
					+ instruction.reference(), ex);
		}
		catch (StripeException ex) {
			throw failure("Stripe did not create a transfer for payout " + instruction.payoutId() + " to "
					+ instruction.reference(), ex);
		}
		return new PayoutOutcome.Sent(transfer.getId());
	}

	@Override
	public boolean reverse(PayoutReversal reversal) {
		TransferReversalCreateParams params = TransferReversalCreateParams.builder()
			.setAmount(reversal.amount())
			.putMetadata(REVERSAL, reversal.idempotencyKey())
			.build();
		TransferReversal created;
		try {
			created = this.client.v1()
				.transfers()
				.reversals()
				.create(reversal.providerReference(), params,
						RequestOptions.builder().setIdempotencyKey(reversal.idempotencyKey()).build());
		}
		catch (InvalidRequestException ex) {
			if (isIrreversible(ex)) {
				logger.warn("Stripe refused to reverse {} {} of transfer {} (code {}, request {}): {}",
						reversal.amount(), reversal.currency(), reversal.providerReference(), ex.getCode(),
						ex.getRequestId(), message(ex));
				return false;
			}
			throw failure("Stripe refused to reverse transfer " + reversal.providerReference(), ex);
		}
		catch (StripeException ex) {
			throw failure("Stripe did not reverse transfer " + reversal.providerReference(), ex);
		}
		logger.info("Reversed {} {} of transfer {} as {}", reversal.amount(), reversal.currency(),
				reversal.providerReference(), created.getId());
		return true;
	}

	/**
	 * Whether Stripe refused the transfer for good: about the destination (an unknown
	 * account is {@code resource_missing} on {@code destination}), or one of
	 * {@link #REFUSED_TRANSFER}.
	 */
	private static boolean isRefusedTransfer(InvalidRequestException ex) {
		StripeError error = ex.getStripeError();
		return (error != null && "destination".equals(error.getParam()))
				|| (ex.getCode() != null && REFUSED_TRANSFER.contains(ex.getCode()));
	}

	/**
	 * Whether Stripe refused the reversal because the money cannot come back: the
	 * connected account's balance does not cover it, or the transfer has less left to
	 * reverse than asked. Stripe documents that it refuses both of the latter, but gives
	 * no code for them (stripe/stripe-ruby#1058): a transfer already fully reversed is
	 * told by its message, and a reversal larger than what is left by an error on the
	 * {@code amount}.
	 */
	private static boolean isIrreversible(InvalidRequestException ex) {
		String code = ex.getCode();
		if (code != null && UNCOVERED_REVERSAL.contains(code)) {
			return true;
		}
		StripeError error = ex.getStripeError();
		boolean aboutAmount = error != null && "amount".equals(error.getParam())
				&& (code == null || "amount_too_large".equals(code));
		return aboutAmount || message(ex).contains("already fully reversed");
	}

	/** Stripe's own text of an error, for people: the seller's account or an operator. */
	private static String message(StripeException ex) {
		StripeError error = ex.getStripeError();
		@Nullable String text = (error != null) ? error.getMessage() : null;
		return (text != null && !text.isBlank()) ? text : "Stripe gave no reason (code " + ex.getCode() + ")";
	}

	/**
	 * A call that gave no answer about the money; the payout job logs it. A refused API
	 * key, a missing permission or a request Stripe will never accept is a
	 * misconfiguration or a bug that no retry fixes: it is logged as an error here as
	 * well. A platform balance too low is not: it fills up as charges become available.
	 */
	private static PayoutProviderException failure(String message, StripeException ex) {
		String detail = message + ": " + ex.getClass().getSimpleName() + " (status " + ex.getStatusCode() + ", code "
				+ ex.getCode() + ", request " + ex.getRequestId() + ")";
		// A PermissionException is an AuthenticationException: a key Stripe knows,
		// without
		// the right to do this.
		if (ex instanceof PermissionException) {
			logger.error("{}: the API key may not do this: {}", detail, message(ex));
		}
		else if (ex instanceof AuthenticationException) {
			logger.error("{}: Stripe refused the API key (ticketing.payments.stripe.secret-key)", detail);
		}
		else if ("balance_insufficient".equals(ex.getCode())) {
			logger.warn("{}: the platform's available balance does not cover it yet: {}", detail, message(ex));
		}
		else if (ex instanceof InvalidRequestException) {
			logger.error("{}: {}", detail, ex.getMessage());
		}
		return new PayoutProviderException(detail + ": " + message(ex), ex);
	}

}
