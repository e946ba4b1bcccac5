package dev.polarspring.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.polarspring.test.FakePolar;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole offline story in a real browser (headless Chromium from the Debian packages,
 * driven by the packaged chromedriver, so nothing is downloaded): buy through the
 * starter's checkout endpoint, pay on the fake Polar's checkout page, watch the webhooks
 * arrive, find the access on the account page, download the kit and see Polar's meter
 * count it, buy a license key with the email remembered, copy the key, and open the
 * customer portal. Each page is saved as a screenshot in {@code target/screenshots}; the
 * browser's console stays free of errors, and nothing the browser asked for is missing
 * (no favicon either). Skipped with a notice where Chromium is not installed, required
 * under {@code CI} (see {@link Chromium}).
 */
@Chromium
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "polar.access-token=")
class StoreBrowserTests {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static final Dimension DESKTOP = new Dimension(1280, 900);

	private static final Dimension PHONE = new Dimension(390, 844);

	@LocalServerPort
	int port;

	@Autowired
	FakePolar fake;

	private Path profile;

	private Path downloads;

	private ChromeDriver browser;

	private WebDriverWait wait;

	@BeforeEach
	void openBrowser() throws IOException {
		this.profile = Files.createTempDirectory("store-browser-test");
		this.downloads = Files.createTempDirectory("store-browser-downloads");
		// Selenium Manager stays idle: the driver and the browser are named here, nothing
		// is looked up.
		System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, Chromium.DRIVER.toString());
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Chromium.DRIVER.toFile())
			.usingAnyFreePort()
			.build();
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		ChromeOptions options = new ChromeOptions().setBinary(Chromium.BINARY.toFile())
			.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
					"--disable-quic", "--hide-scrollbars", "--user-data-dir=" + this.profile);
		options.setCapability("goog:loggingPrefs", logs);
		this.browser = new ChromeDriver(service, options);
		this.browser.manage().window().setSize(DESKTOP);
		this.browser.executeCdpCommand("Browser.setDownloadBehavior",
				Map.of("behavior", "allow", "downloadPath", this.downloads.toAbsolutePath().toString()));
		this.browser.executeCdpCommand("Browser.grantPermissions",
				Map.of("origin", store(""), "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
		this.wait = new WebDriverWait(this.browser, Duration.ofSeconds(15));
	}

	@AfterEach
	void closeBrowser() throws IOException {
		if (this.browser != null) {
			this.browser.quit();
		}
		delete(this.profile);
		delete(this.downloads);
	}

	private static void delete(Path directory) throws IOException {
		if (directory != null) {
			try (Stream<Path> files = Files.walk(directory)) {
				files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
			}
		}
	}

	private String store(String path) {
		return "http://localhost:" + this.port + path;
	}

	private String text(String id) {
		return this.browser.findElement(By.id(id)).getText();
	}

	private void click(String id) {
		this.browser.findElement(By.id(id)).click();
	}

	/**
	 * Saves the whole page, however long, at the window's width.
	 */
	private void screenshot(String name) throws IOException {
		Map<String, Object> layout = this.browser.executeCdpCommand("Page.getLayoutMetrics", Map.of());
		@SuppressWarnings("unchecked")
		Map<String, Number> content = (Map<String, Number>) layout.get("cssContentSize");
		Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", content.get("width"), "height",
				content.get("height"), "scale", 1);
		Map<String, Object> shot = this.browser.executeCdpCommand("Page.captureScreenshot",
				Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
		Files.createDirectories(SCREENSHOTS);
		Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
	}

	/**
	 * Pays on the fake's checkout page and waits for the success page to say that Polar's
	 * order.paid arrived (it refreshes itself until then).
	 */
	private void payAndAwaitTheWebhooks(String product) {
		this.wait.until(ExpectedConditions.urlContains(this.fake.baseUrl() + "/checkout/"));
		assertThat(text("product")).isEqualTo(product);
		click("pay");
		this.wait.until(ExpectedConditions.urlContains(store("/success")));
		assertThat(text("confirmation")).isEqualTo("Your payment for " + product + " went through.");
		this.wait.until(ExpectedConditions.textToBe(By.id("access"),
				"Polar's order.paid webhook has arrived: your access is ready."));
	}

	@Test
	void buyPayWatchTheWebhooksUseTheAccessAndOpenThePortal() throws Exception {
		this.browser.get(store("/"));
		assertThat(this.browser.findElement(By.tagName("main")).getText()).contains("Starter Kit", "$19.00", "Pro Plan",
				"$9.00 / month", "Desktop License");
		screenshot("01-catalog");

		click("buy-starter");
		this.wait.until(ExpectedConditions.urlContains(this.fake.baseUrl() + "/checkout/"));
		assertThat(this.browser.findElement(By.id("email")).getAttribute("value")).isEmpty();
		this.browser.findElement(By.id("email")).sendKeys("ada@example.com");
		screenshot("02-checkout");
		payAndAwaitTheWebhooks("Starter Kit");
		assertThat(text("webhooks")).contains("order.paid", "The order for Starter Kit was paid: $19.00.",
				"Benefit granted: Starter Kit downloads.");
		screenshot("03-success-webhooks-received");

		click("to-account");
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("owned")));
		assertThat(text("owned")).contains("PRODUCT", "ACCESS", "WHAT IT GIVES YOU", "Starter Kit", "Purchase", "Paid",
				"Starter Kit downloads");
		assertThat(text("no-usage")).isEqualTo("No downloads counted yet.");
		screenshot("04-account");

		click("download");
		Path kit = this.downloads.resolve("starter-kit.md");
		this.wait.until((browser) -> Files.exists(kit));
		assertThat(Files.readString(kit, StandardCharsets.UTF_8)).startsWith("# Starter Kit");
		// Polar's meter counts the download once the background sender has ingested it.
		this.wait.withTimeout(Duration.ofSeconds(20)).pollingEvery(Duration.ofMillis(250)).until((browser) -> {
			browser.navigate().refresh();
			return browser.findElements(By.cssSelector("#usage .units"))
				.stream()
				.anyMatch((units) -> units.getText().equals("1"));
		});
		assertThat(text("usage")).contains("Downloads: 1 this billing period");
		screenshot("05-account-download-metered");

		this.browser.get(store("/"));
		click("buy-desktop");
		this.wait.until(ExpectedConditions.urlContains(this.fake.baseUrl() + "/checkout/"));
		assertThat(this.browser.findElement(By.id("email")).getAttribute("value")).as("remembered from the first")
			.isEqualTo("ada@example.com");
		screenshot("06-checkout-email-remembered");
		payAndAwaitTheWebhooks("Desktop License");

		click("to-account");
		String key = this.fake.licenseKeys().get(this.fake.licenseKeys().size() - 1).key();
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("owned"), key));
		this.browser.findElement(By.cssSelector("button.copy")).click();
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("button.copy"), "Copied"));
		assertThat(this.browser.executeAsyncScript("arguments[arguments.length - 1];"
				+ "navigator.clipboard.readText().then(arguments[arguments.length - 1])"))
			.isEqualTo(key);
		screenshot("07-account-license-key-copied");

		this.browser.manage().window().setSize(PHONE);
		this.browser.navigate().refresh();
		long overflow = (Long) this.browser
			.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
		assertThat(overflow).as("no sideways scrolling on a phone").isZero();
		// What a phone shows first, rather than the whole page.
		Files.write(SCREENSHOTS.resolve("08-account-phone.png"), this.browser.getScreenshotAs(OutputType.BYTES));
		this.browser.manage().window().setSize(DESKTOP);

		click("portal");
		this.wait.until(ExpectedConditions.urlContains(this.fake.baseUrl() + "/portal"));
		assertThat(text("orders")).contains("Starter Kit, $19.00, paid", "Desktop License, $49.00, paid");
		assertThat(text("license-keys")).contains(key);
		screenshot("09-portal");
		click("return");
		this.wait.until(ExpectedConditions.urlToBe(store("/account")));

		List<LogEntry> errors = this.browser.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter((entry) -> entry.getLevel().intValue() >= Level.WARNING.intValue())
			.toList();
		assertThat(errors).as("the browser's console").isEmpty();
		// Browsers do not log a missing favicon; the fake's request journal shows one.
		assertThat(this.fake.wireMock().getAllServeEvents())
			.filteredOn((served) -> !served.getRequest().getUrl().startsWith("/v1/"))
			.as("what the browser asked the fake Polar for (its pages, not the API)")
			.isNotEmpty()
			.noneMatch((served) -> served.getRequest().getUrl().startsWith("/favicon"))
			.noneMatch((served) -> served.getResponse().getStatus() == 404);
	}

}
