package dev.polarspring.client.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.polarspring.client.AutoPager;
import dev.polarspring.client.Page;
import dev.polarspring.client.RecordingSleeper;
import dev.polarspring.client.RequestOptions;
import dev.polarspring.client.core.TestApi.Product;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Page-numbered and cursor pagination, through pages and the lazy auto-pager.
 */
class PaginationTests {

	@RegisterExtension
	static WireMockExtension polar = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private ApiExecutor executor;

	@BeforeEach
	void setUp() {
		this.executor = TestApi.client(polar.baseUrl(), new RecordingSleeper()).build().executor();
		stubProductPage(1, TestApi.pageJson(5, 3, "p1", "p2"));
		stubProductPage(2, TestApi.pageJson(5, 3, "p3", "p4"));
		stubProductPage(3, TestApi.pageJson(5, 3, "p5"));
	}

	@Test
	void aPageReportsCountsAndFetchesTheNextWithTheSameQuery() {
		Page<Product> first = this.executor.executePage(listRequest(), Product.class, RequestOptions.none());
		assertThat(first.items()).extracting(Product::id).containsExactly("p1", "p2");
		assertThat(first.pageNumber()).isEqualTo(1);
		assertThat(first.totalCount()).hasValue(5);
		assertThat(first.maxPage()).hasValue(3);
		assertThat(first.hasNextPage()).isTrue();
		Page<Product> second = first.nextPage();
		assertThat(second.pageNumber()).isEqualTo(2);
		assertThat(second.items()).extracting(Product::id).containsExactly("p3", "p4");
		polar.verify(getRequestedFor(urlPathEqualTo("/v1/products/")).withQueryParam("page", equalTo("2"))
			.withQueryParam("limit", equalTo("2")));
		Page<Product> last = second.nextPage();
		assertThat(last.hasNextPage()).isFalse();
		assertThatExceptionOfType(NoSuchElementException.class).isThrownBy(last::nextPage)
			.withMessageContaining("check hasNextPage()");
	}

	@Test
	void theAutoPagerFetchesTheNextPageOnlyWhenTheCurrentOneIsUsedUp() {
		AutoPager<Product> products = this.executor.autoPage(listRequest(), Product.class, RequestOptions.none());
		assertThat(polar.getAllServeEvents()).isEmpty();
		Iterator<Product> iterator = products.iterator();
		assertThat(iterator.next().id()).isEqualTo("p1");
		assertThat(iterator.next().id()).isEqualTo("p2");
		assertThat(requestedPages()).containsExactly("1");
		assertThat(iterator.next().id()).isEqualTo("p3");
		assertThat(requestedPages()).containsExactly("1", "2");
		assertThat(iterator.next().id()).isEqualTo("p4");
		assertThat(iterator.next().id()).isEqualTo("p5");
		assertThat(iterator.hasNext()).isFalse();
		assertThat(requestedPages()).containsExactly("1", "2", "3");
	}

	@Test
	void theAutoPagerStreamsEveryItemAndStopsFetchingWhenTheStreamIsDone() {
		AutoPager<Product> products = this.executor.autoPage(listRequest(), Product.class, RequestOptions.none());
		assertThat(products.stream().map(Product::id).toList()).containsExactly("p1", "p2", "p3", "p4", "p5");
		polar.resetRequests();
		assertThat(products.stream().filter((product) -> product.id().equals("p2")).findFirst()).isPresent();
		assertThat(requestedPages()).containsExactly("1");
	}

	@Test
	void anAutoPagerCanStartFromAPage() {
		Page<Product> second = this.executor.executePage(listRequest().withQueryParam("page", 2), Product.class,
				RequestOptions.none());
		List<String> ids = second.autoPager().stream().map(Product::id).toList();
		assertThat(ids).containsExactly("p3", "p4", "p5");
	}

	@Test
	void cursorPaginationFollowsHasNextPage() {
		polar.stubFor(get(urlPathEqualTo("/v1/events/")).withQueryParam("page", equalTo("1"))
			.willReturn(okJson(cursorPage(true, "e1", "e2"))));
		polar.stubFor(get(urlPathEqualTo("/v1/events/")).withQueryParam("page", equalTo("2"))
			.willReturn(okJson(cursorPage(false, "e3"))));
		ApiRequest request = ApiRequest.builder(TestApi.EVENTS_LIST)
			.queryParam("page", 1)
			.queryParam("depth", 0)
			.build();
		Page<Product> first = this.executor.executePage(request, Product.class, RequestOptions.none());
		assertThat(first.totalCount()).isEmpty();
		assertThat(first.maxPage()).isEmpty();
		assertThat(first.hasNextPage()).isTrue();
		assertThat(this.executor.autoPage(request, Product.class, RequestOptions.none()).stream().map(Product::id))
			.containsExactly("e1", "e2", "e3");
		polar.verify(getRequestedFor(urlPathEqualTo("/v1/events/")).withQueryParam("page", equalTo("2"))
			.withQueryParam("depth", equalTo("0")));
	}

	@Test
	void aSinglePageServesStubs() {
		Page<String> page = Page.single(List.of("a", "b"));
		assertThat(page.totalCount()).hasValue(2);
		assertThat(page.hasNextPage()).isFalse();
		assertThat(page.autoPager()).containsExactly("a", "b");
	}

	private static String cursorPage(boolean hasNextPage, String... ids) {
		StringBuilder items = new StringBuilder();
		for (String id : ids) {
			items.append(items.isEmpty() ? "" : ",").append(TestApi.productJson(id, id));
		}
		return "{\"items\": [" + items + "], \"pagination\": {\"has_next_page\": " + hasNextPage + "}}";
	}

	private static ApiRequest listRequest() {
		return ApiRequest.builder(TestApi.PRODUCTS_LIST).queryParam("limit", 2).build();
	}

	private static void stubProductPage(int page, String body) {
		polar.stubFor(get(urlPathEqualTo("/v1/products/"))
			.withQueryParam("page", (page == 1) ? absent() : equalTo(String.valueOf(page)))
			.willReturn(okJson(body)));
	}

	private static List<String> requestedPages() {
		// Serve events come newest first; the first page is requested without a page
		// parameter.
		List<String> pages = new ArrayList<>(polar.getAllServeEvents()
			.stream()
			.map((event) -> event.getRequest().queryParameter("page"))
			.map((page) -> page.isPresent() ? page.firstValue() : "1")
			.toList());
		Collections.reverse(pages);
		return pages;
	}

}
