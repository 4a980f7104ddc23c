package dev.ticketing.common.events;

/**
 * The JetStream streams of DESIGN §3, one per publishing service.
 */
public enum EventStream {

	/** Written by tickets-service. */
	TICKETS("tickets"),
	/** Written by orders-service. */
	ORDERS("orders"),
	/** Written by payments-service. */
	PAYMENTS("payments");

	private final String producer;

	EventStream(String producer) {
		this.producer = producer;
	}

	/** The stream's name in JetStream. */
	public String streamName() {
		return name();
	}

	/** The filter a consumer of every v1 event of this stream uses. */
	public String v1Filter() {
		return this.producer + ".v1.>";
	}

}
