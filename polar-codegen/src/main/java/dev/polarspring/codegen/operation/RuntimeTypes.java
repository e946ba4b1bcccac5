package dev.polarspring.codegen.operation;

import com.palantir.javapoet.ClassName;

/**
 * The classes of {@code polar-client}'s hand-written runtime, and the libraries, that
 * generated resource clients refer to.
 */
final class RuntimeTypes {

	private static final String CLIENT = "dev.polarspring.client";

	private static final String CORE = CLIENT + ".core";

	private static final String ERROR = CLIENT + ".error";

	static final ClassName API_EXECUTOR = ClassName.get(CORE, "ApiExecutor");

	static final ClassName API_OPERATION = ClassName.get(CORE, "ApiOperation");

	static final ClassName API_REQUEST = ClassName.get(CORE, "ApiRequest");

	static final ClassName AUTH_SCHEME = ClassName.get(CORE, "AuthScheme");

	static final ClassName QUERY_PARAMS = ClassName.get(CORE, "QueryParams");

	static final ClassName QUERY_WRITER = ClassName.get(CORE, "QueryWriter");

	static final ClassName RESPONSE_TYPE = ClassName.get(CORE, "ResponseType");

	static final ClassName PAGE = ClassName.get(CLIENT, "Page");

	static final ClassName POLAR_CLIENT = ClassName.get(CLIENT, "PolarClient");

	static final ClassName REQUEST_OPTIONS = ClassName.get(CLIENT, "RequestOptions");

	static final ClassName POLAR_EXCEPTION = ClassName.get(ERROR, "PolarException");

	static final ClassName POLAR_API_EXCEPTION = ClassName.get(ERROR, "PolarApiException");

	static final ClassName HTTP_METHOD = ClassName.get("org.springframework.http", "HttpMethod");

	static final ClassName NULLABLE = ClassName.get("org.jspecify.annotations", "Nullable");

	private RuntimeTypes() {
	}

	/**
	 * Returns the exception the runtime throws for an error status.
	 * @param status an HTTP status of 400 or more
	 * @return the exception class of its family
	 */
	static ClassName exceptionFor(int status) {
		String name = switch (status) {
			case 400 -> "BadRequestException";
			case 401 -> "AuthenticationException";
			case 403 -> "PermissionDeniedException";
			case 404 -> "NotFoundException";
			case 409 -> "ConflictException";
			case 422 -> "UnprocessableEntityException";
			case 429 -> "RateLimitException";
			default -> (status >= 500) ? "InternalServerException" : "UnexpectedStatusException";
		};
		return ClassName.get(ERROR, name);
	}

}
