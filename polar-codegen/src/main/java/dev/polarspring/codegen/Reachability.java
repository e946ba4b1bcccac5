package dev.polarspring.codegen;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.SortedSet;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

/**
 * The component schemas the API actually uses: those reachable, through any chain of
 * {@code $ref}, from an operation (parameters, request bodies, responses including error
 * bodies) or from a webhook payload. Only these become Java types.
 *
 * <p>
 * {@link #requestSchemas()} is the subset reachable from an operation's request body:
 * those become classes with builders rather than records.
 */
public final class Reachability {

	private final SortedSet<String> schemas;

	private final SortedSet<String> requestSchemas;

	private Reachability(SortedSet<String> schemas, SortedSet<String> requestSchemas) {
		this.schemas = Collections.unmodifiableSortedSet(schemas);
		this.requestSchemas = Collections.unmodifiableSortedSet(requestSchemas);
	}

	/**
	 * Computes what a spec's operations and webhooks reach.
	 * @param spec the spec
	 * @return the reachable schemas
	 */
	public static Reachability of(OpenApiSpec spec) {
		SortedSet<String> all = new TreeSet<>();
		SortedSet<String> request = new TreeSet<>();
		for (OpenApiSpec.Operation operation : spec.operations()) {
			for (JsonNode parameter : operation.parameters()) {
				collect(spec, parameter, all);
			}
			collect(spec, operation.node().path("responses"), all);
			collect(spec, operation.node().path("requestBody"), request);
		}
		for (OpenApiSpec.Webhook webhook : spec.webhooks().values()) {
			collect(spec, spec.schema(webhook.payloadSchema()), all);
			all.add(webhook.payloadSchema());
		}
		all.addAll(request);
		return new Reachability(all, request);
	}

	/**
	 * Returns every reachable component name, sorted.
	 * @return the reachable schemas
	 */
	public SortedSet<String> schemas() {
		return this.schemas;
	}

	/**
	 * Returns the component names reachable from a request body, sorted.
	 * @return the request schemas
	 */
	public SortedSet<String> requestSchemas() {
		return this.requestSchemas;
	}

	/**
	 * Tells whether a schema is reachable.
	 * @param schemaName a component name
	 * @return whether an operation or webhook reaches it
	 */
	public boolean isReachable(String schemaName) {
		return this.schemas.contains(schemaName);
	}

	/**
	 * Tells whether a schema is part of a request body.
	 * @param schemaName a component name
	 * @return whether a request body reaches it
	 */
	public boolean isRequest(String schemaName) {
		return this.requestSchemas.contains(schemaName);
	}

	private static void collect(OpenApiSpec spec, JsonNode start, SortedSet<String> into) {
		Deque<JsonNode> pending = new ArrayDeque<>();
		pending.push(start);
		while (!pending.isEmpty()) {
			JsonNode node = pending.pop();
			if (node.isObject()) {
				JsonNode ref = node.get("$ref");
				if (ref != null && ref.isString()) {
					String name = OpenApiSpec.refName(node).orElseThrow();
					if (into.add(name)) {
						pending.push(spec.schema(name));
					}
				}
			}
			// Walk every child: the examples and descriptions hold no $ref, so this stays
			// exact.
			for (JsonNode child : node) {
				if (child.isContainer()) {
					pending.push(child);
				}
			}
		}
	}

}
