package dev.ticketing.common.web;

import java.io.IOException;

/**
 * Thrown while a request body is read once it exceeds the limit; becomes a 413 problem.
 */
public class PayloadTooLargeException extends IOException {

	public PayloadTooLargeException(long limit) {
		super("request body exceeds " + limit + " bytes");
	}

}
