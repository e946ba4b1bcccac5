package dev.polarspring.client;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.jspecify.annotations.Nullable;

/**
 * Every item of a list operation, across pages, as an {@link Iterable} or a
 * {@link Stream}.
 *
 * <p>
 * Lazy: nothing is fetched until the iteration starts, and the next page is fetched only
 * when the items of the current one are used up, so only one page is held in memory at a
 * time. Each {@link #iterator()} or {@link #stream()} starts again from the first page.
 * Breaking out of the loop (or a short-circuiting stream operation such as
 * {@code findFirst}) stops fetching.
 *
 * @param <T> the item type
 */
public final class AutoPager<T> implements Iterable<T> {

	private final Supplier<Page<T>> firstPage;

	private AutoPager(Supplier<Page<T>> firstPage) {
		this.firstPage = firstPage;
	}

	/**
	 * Creates an auto-pager that starts with the page the supplier fetches.
	 * @param <T> the item type
	 * @param firstPage fetches the first page; called once per iteration, when it starts
	 * @return the auto-pager
	 */
	public static <T> AutoPager<T> startingWith(Supplier<Page<T>> firstPage) {
		return new AutoPager<>(firstPage);
	}

	/**
	 * Returns an iterator over every item, fetching pages as it goes.
	 * @return a new iterator starting at the first page
	 */
	@Override
	public Iterator<T> iterator() {
		return new PageWalker<>(this.firstPage);
	}

	/**
	 * Returns a sequential stream of every item, fetching pages as it goes.
	 * @return a new stream starting at the first page
	 */
	public Stream<T> stream() {
		return StreamSupport
			.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false);
	}

	/**
	 * Walks the items of one page, then fetches the next page, dropping the previous one.
	 */
	private static final class PageWalker<T> implements Iterator<T> {

		private final Supplier<Page<T>> firstPage;

		private @Nullable Page<T> page;

		private @Nullable Iterator<T> items;

		PageWalker(Supplier<Page<T>> firstPage) {
			this.firstPage = firstPage;
		}

		@Override
		public boolean hasNext() {
			return currentItems().hasNext();
		}

		@Override
		public T next() {
			Iterator<T> currentItems = currentItems();
			if (!currentItems.hasNext()) {
				throw new NoSuchElementException("No more items in any page");
			}
			return currentItems.next();
		}

		/**
		 * The items of the current page, fetching the first page on first use and moving
		 * past pages whose items are all read while another page follows.
		 */
		private Iterator<T> currentItems() {
			Page<T> current = this.page;
			Iterator<T> currentItems = this.items;
			if (current == null || currentItems == null) {
				current = this.firstPage.get();
				currentItems = advanceTo(current);
			}
			// Loop rather than recurse: a page may be empty yet report another page after
			// it.
			while (!currentItems.hasNext() && current.hasNextPage()) {
				current = current.nextPage();
				currentItems = advanceTo(current);
			}
			return currentItems;
		}

		private Iterator<T> advanceTo(Page<T> next) {
			Iterator<T> nextItems = next.items().iterator();
			this.page = next;
			this.items = nextItems;
			return nextItems;
		}

	}

}
