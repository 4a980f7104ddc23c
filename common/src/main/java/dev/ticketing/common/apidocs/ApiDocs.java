package dev.ticketing.common.apidocs;

/**
 * Names of what every service's OpenAPI document shares, for a controller's annotations,
 * for example {@code @Operation(security = @SecurityRequirement(name = ApiDocs.SESSION))}
 * on a route that needs a signed-in user, and {@code @ApiResponse(responseCode = "404")}
 * on its refusals: each error response without content of its own is given the
 * {@value #PROBLEM} schema as {@code application/problem+json}.
 */
public final class ApiDocs {

	/**
	 * The RFC 9457 problem of DESIGN §2, as {@code ApiExceptionHandler} and
	 * {@code Problems} write it.
	 */
	public static final String PROBLEM = "Problem";

	/** An entry of a validation problem's {@code errors}. */
	public static final String INVALID_FIELD = "InvalidField";

	/**
	 * The security scheme of the access token in the {@code session} cookie. Every
	 * operation that requires it also accepts {@link #BEARER}, which the document adds.
	 */
	public static final String SESSION = "session";

	/** The security scheme of the access token as {@code Authorization: Bearer}. */
	public static final String BEARER = "bearer";

	private ApiDocs() {
	}

}
