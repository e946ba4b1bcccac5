package dev.polarspring.client.core;

import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;
import java.util.function.BiConsumer;

import org.jspecify.annotations.Nullable;

/**
 * The unmodifiable lists and maps of the generated models. A model's constructor copies
 * the collections it is given, so that changing them afterwards cannot change the model;
 * a collection the SDK's decoding made for it (and that nothing else holds) is already
 * one of these, and is kept as it is instead of being copied a second time.
 *
 * <p>
 * For generated code; the collections behave as {@link Collections#unmodifiableList} and
 * {@link Collections#unmodifiableMap} of a copy do: in order, nulls allowed, every change
 * refused with {@link UnsupportedOperationException}.
 */
public final class ReadOnlyCollections {

	private ReadOnlyCollections() {
	}

	/**
	 * Returns an unmodifiable copy of a list, or the list itself when it is one of these.
	 * @param list the list
	 * @param <E> the element type
	 * @return the unmodifiable list
	 */
	public static <E extends @Nullable Object> List<E> list(List<E> list) {
		return (list instanceof ReadOnlyList<E> readOnly) ? readOnly : new ReadOnlyList<>(new ArrayList<>(list));
	}

	/**
	 * Returns an unmodifiable copy of a map, in its order, or the map itself when it is
	 * one of these.
	 * @param map the map
	 * @param <K> the key type
	 * @param <V> the value type
	 * @return the unmodifiable map
	 */
	public static <K, V extends @Nullable Object> Map<K, V> map(Map<K, V> map) {
		return (map instanceof ReadOnlyMap<K, V> readOnly) ? readOnly : new ReadOnlyMap<>(new LinkedHashMap<>(map));
	}

	/**
	 * Makes a list the decoding just created unmodifiable, without a copy. For generated
	 * deserializers: nothing else may hold the list, nor change it afterwards.
	 * @param list the list, which the result now owns
	 * @param <E> the element type
	 * @return the unmodifiable list
	 */
	public static <E extends @Nullable Object> List<E> adopt(ArrayList<E> list) {
		return new ReadOnlyList<>(list);
	}

	/**
	 * Makes a map the decoding just created unmodifiable, without a copy: nothing else
	 * may hold it.
	 */
	static <K, V extends @Nullable Object> Map<K, V> adopt(LinkedHashMap<K, V> map) {
		return new ReadOnlyMap<>(map);
	}

	private static final class ReadOnlyList<E extends @Nullable Object> extends AbstractList<E>
			implements RandomAccess {

		private final List<E> elements;

		ReadOnlyList(ArrayList<E> elements) {
			this.elements = elements;
		}

		@Override
		public E get(int index) {
			return this.elements.get(index);
		}

		@Override
		public int size() {
			return this.elements.size();
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return other == this || this.elements.equals(other);
		}

		@Override
		public int hashCode() {
			return this.elements.hashCode();
		}

		@Override
		public String toString() {
			return this.elements.toString();
		}

	}

	private static final class ReadOnlyMap<K, V extends @Nullable Object> extends AbstractMap<K, V> {

		private final Map<K, V> entries;

		/** Unmodifiable views of the entries, made when first asked for. */
		private @Nullable Map<K, V> view;

		ReadOnlyMap(LinkedHashMap<K, V> entries) {
			this.entries = entries;
		}

		private Map<K, V> view() {
			Map<K, V> view = this.view;
			if (view == null) {
				view = Collections.unmodifiableMap(this.entries);
				this.view = view;
			}
			return view;
		}

		@Override
		public int size() {
			return this.entries.size();
		}

		@Override
		public boolean isEmpty() {
			return this.entries.isEmpty();
		}

		@Override
		public boolean containsKey(@Nullable Object key) {
			return this.entries.containsKey(key);
		}

		@Override
		public boolean containsValue(@Nullable Object value) {
			return this.entries.containsValue(value);
		}

		@Override
		public @Nullable V get(@Nullable Object key) {
			return this.entries.get(key);
		}

		@Override
		public Set<Entry<K, V>> entrySet() {
			return view().entrySet();
		}

		@Override
		public Set<K> keySet() {
			return view().keySet();
		}

		@Override
		public Collection<V> values() {
			return view().values();
		}

		@Override
		public void forEach(BiConsumer<? super K, ? super V> action) {
			this.entries.forEach(action);
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return other == this || this.entries.equals(other);
		}

		@Override
		public int hashCode() {
			return this.entries.hashCode();
		}

		@Override
		public String toString() {
			return this.entries.toString();
		}

	}

}
