package dev.polarspring.client;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.IntFunction;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * One page of a list operation: its items and what is known about the pages after it.
 *
 * <p>
 * Polar numbers pages from 1. Most list operations report the total count and the last
 * page number; a few (events with {@code depth} or {@code parent_id}) only say whether
 * another page follows, in which case {@link #totalCount()} and {@link #maxPage()} are
 * empty. Either way {@link #hasNextPage()} and {@link #nextPage()} work, and
 * {@link #autoPager()} walks every item from this page on.
 *
 * <p>
 * Immutable; {@link #nextPage()} sends a request each time it is called.
 *
 * @param <T> the item type
 */
public final class Page<T> {

	private final List<T> items;

	private final int pageNumber;

	private final @Nullable Long totalCount;

	private final @Nullable Integer maxPage;

	private final boolean hasNextPage;

	private final IntFunction<Page<T>> pageFetcher;

	private Page(List<T> items, int pageNumber, @Nullable Long totalCount, @Nullable Integer maxPage,
			boolean hasNextPage, IntFunction<Page<T>> pageFetcher) {
		Assert.isTrue(pageNumber >= 1, () -> "pageNumber must be at least 1, was " + pageNumber);
		this.items = List.copyOf(items);
		this.pageNumber = pageNumber;
		this.totalCount = totalCount;
		this.maxPage = maxPage;
		this.hasNextPage = hasNextPage;
		this.pageFetcher = pageFetcher;
	}

	/**
	 * Creates a page of a list that reports its total count and last page number.
	 * @param <T> the item type
	 * @param items the items of this page
	 * @param pageNumber the number of this page, from 1
	 * @param totalCount the number of items in all pages
	 * @param maxPage the number of the last page
	 * @param pageFetcher fetches a page by number; called by {@link #nextPage()}
	 * @return the page
	 */
	public static <T> Page<T> numbered(List<T> items, int pageNumber, long totalCount, int maxPage,
			IntFunction<Page<T>> pageFetcher) {
		return new Page<>(items, pageNumber, totalCount, maxPage, pageNumber < maxPage, pageFetcher);
	}

	/**
	 * Creates a page of a list that only reports whether another page follows.
	 * @param <T> the item type
	 * @param items the items of this page
	 * @param pageNumber the number of this page, from 1
	 * @param hasNextPage whether another page follows
	 * @param pageFetcher fetches a page by number; called by {@link #nextPage()}
	 * @return the page
	 */
	public static <T> Page<T> cursor(List<T> items, int pageNumber, boolean hasNextPage,
			IntFunction<Page<T>> pageFetcher) {
		return new Page<>(items, pageNumber, null, null, hasNextPage, pageFetcher);
	}

	/**
	 * Creates the only page of a list, handy for stubbing a resource client in tests.
	 * @param <T> the item type
	 * @param items every item of the list
	 * @return page 1 of 1
	 */
	public static <T> Page<T> single(List<T> items) {
		return new Page<>(items, 1, (long) items.size(), 1, false, (number) -> {
			throw new NoSuchElementException("A single page has no page " + number);
		});
	}

	/**
	 * Returns the items of this page.
	 * @return the items, in Polar's order
	 */
	public List<T> items() {
		return this.items;
	}

	/**
	 * Returns the number of this page.
	 * @return the page number, from 1
	 */
	public int pageNumber() {
		return this.pageNumber;
	}

	/**
	 * Returns the number of items in all pages.
	 * @return the total count, or empty when the list only reports whether another page
	 * follows
	 */
	public OptionalLong totalCount() {
		return (this.totalCount != null) ? OptionalLong.of(this.totalCount) : OptionalLong.empty();
	}

	/**
	 * Returns the number of the last page.
	 * @return the last page number, or empty when the list only reports whether another
	 * page follows
	 */
	public OptionalInt maxPage() {
		return (this.maxPage != null) ? OptionalInt.of(this.maxPage) : OptionalInt.empty();
	}

	/**
	 * Returns whether another page follows this one.
	 * @return {@code true} if {@link #nextPage()} has a page to fetch
	 */
	public boolean hasNextPage() {
		return this.hasNextPage;
	}

	/**
	 * Fetches the page after this one, with the same query and options.
	 * @return the next page
	 * @throws NoSuchElementException if this is the last page
	 */
	public Page<T> nextPage() {
		if (!this.hasNextPage) {
			throw new NoSuchElementException(
					"Page " + this.pageNumber + " is the last page; check hasNextPage() before calling nextPage()");
		}
		return this.pageFetcher.apply(this.pageNumber + 1);
	}

	/**
	 * Returns an auto-pager over the items of this page and every page after it, fetched
	 * as the iteration reaches them.
	 * @return the auto-pager
	 */
	public AutoPager<T> autoPager() {
		return AutoPager.startingWith(() -> this);
	}

	@Override
	public String toString() {
		return "Page{pageNumber=" + this.pageNumber + ", items=" + this.items.size() + ", totalCount=" + this.totalCount
				+ ", maxPage=" + this.maxPage + ", hasNextPage=" + this.hasNextPage + "}";
	}

}
