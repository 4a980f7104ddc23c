package dev.ticketing.payments.payment;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import dev.ticketing.common.web.ApiException;

/**
 * 402 {@code payment_declined}: the provider refused the charge; no payment was stored.
 */
public class PaymentDeclinedException extends ApiException {

	private final boolean replayed;

	PaymentDeclinedException(String message, boolean replayed) {
		super(HttpStatus.PAYMENT_REQUIRED, "payment_declined", message);
		this.replayed = replayed;
	}

	@Override
	public HttpHeaders headers() {
		HttpHeaders headers = new HttpHeaders();
		if (this.replayed) {
			headers.set(PaymentController.IDEMPOTENT_REPLAYED, "true");
		}
		return headers;
	}

}
