package dev.polarspring.codegen.operation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.palantir.javapoet.ClassName;

/**
 * One resource client to generate: a group of the spec, its operations and the clients of
 * the groups nested in it ({@code customers} holds {@code customers.members}). A group
 * with no operation of its own ({@code customer_portal}) still gets a client, holding its
 * sub-clients.
 */
final class ResourceGroup {

	private final List<String> path;

	private final ClassName className;

	private final String accessorName;

	private final List<ResourceOperation> operations = new ArrayList<>();

	private final Map<String, ResourceGroup> children = new TreeMap<>();

	private ResourceGroup(List<String> path, ClassName className, String accessorName) {
		this.path = List.copyOf(path);
		this.className = className;
		this.accessorName = accessorName;
	}

	/**
	 * Arranges operations into the tree of clients.
	 * @param operations the operations, in spec order
	 * @param names the naming rules
	 * @param resourcePackage the package of the clients
	 * @return the top-level clients, sorted by accessor name
	 */
	static List<ResourceGroup> arrange(List<ResourceOperation> operations, ResourceNames names,
			String resourcePackage) {
		Map<String, ResourceGroup> roots = new TreeMap<>();
		Map<String, String> classOwners = new TreeMap<>();
		for (ResourceOperation operation : operations) {
			Map<String, ResourceGroup> level = roots;
			ResourceGroup group = null;
			for (int depth = 1; depth <= operation.group().size(); depth++) {
				List<String> path = operation.group().subList(0, depth);
				String accessor = names.accessorName(path.get(depth - 1));
				ResourceGroup existing = level.get(accessor);
				if (existing == null) {
					String className = names.clientName(path);
					String owner = classOwners.putIfAbsent(className, String.join(".", path));
					if (owner != null) {
						throw new IllegalStateException("Groups " + owner + " and " + String.join(".", path)
								+ " both map to " + className + "; extend the rules in ResourceNames");
					}
					existing = new ResourceGroup(path, ClassName.get(resourcePackage, className), accessor);
					level.put(accessor, existing);
				}
				else if (!existing.path.equals(path)) {
					throw new IllegalStateException("Groups " + String.join(".", existing.path) + " and "
							+ String.join(".", path) + " both map to the accessor " + accessor + "()");
				}
				group = existing;
				level = existing.children;
			}
			if (group != null) {
				group.operations.add(operation);
			}
		}
		return List.copyOf(roots.values());
	}

	/**
	 * Returns the group path.
	 * @return the path, such as {@code [customer_portal, orders]}
	 */
	List<String> path() {
		return this.path;
	}

	/**
	 * Returns the client class.
	 * @return the class name
	 */
	ClassName className() {
		return this.className;
	}

	/**
	 * Returns the name of the accessor that reaches this client from its parent.
	 * @return the accessor name, such as {@code orders}
	 */
	String accessorName() {
		return this.accessorName;
	}

	/**
	 * Returns the operations of this group itself, in spec order.
	 * @return the operations
	 */
	List<ResourceOperation> operations() {
		return Collections.unmodifiableList(this.operations);
	}

	/**
	 * Returns the clients of the nested groups, sorted by accessor name.
	 * @return the sub-clients
	 */
	List<ResourceGroup> children() {
		return List.copyOf(this.children.values());
	}

	/**
	 * Returns this client and every client below it, depth first.
	 * @return the clients
	 */
	List<ResourceGroup> flatten() {
		List<ResourceGroup> all = new ArrayList<>();
		all.add(this);
		for (ResourceGroup child : this.children.values()) {
			all.addAll(child.flatten());
		}
		return all;
	}

}
