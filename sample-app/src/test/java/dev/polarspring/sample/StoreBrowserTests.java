package dev.polarspring.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
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
 * driven by the packaged chromedriver, so nothing is downloaded): open the store, buy,
 * pay on the fake Polar's checkout page, and find the purchase on the account page.
 * Skipped with a notice where Chromium is not installed, required under {@code CI} (see
 * {@link Chromium}).
 */
@Chromium
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "polar.access-token=")
class StoreBrowserTests {

	private static final Path CHROMIUM = Chromium.BINARY;

	private static final Path CHROMEDRIVER = Chromium.DRIVER;

	@LocalServerPort
	int port;

	@Autowired
	FakePolar fake;

	private Path profile;

	private WebDriver browser;

	@BeforeEach
	void openBrowser() throws IOException {
		this.profile = Files.createTempDirectory("store-browser-test");
		// Selenium Manager stays idle: the driver and the browser are named here, nothing
		// is looked up.
		System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
			.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
					"--disable-quic", "--user-data-dir=" + this.profile);
		this.browser = new ChromeDriver(service, options);
	}

	@AfterEach
	void closeBrowser() throws IOException {
		if (this.browser != null) {
			this.browser.quit();
		}
		if (this.profile != null) {
			try (Stream<Path> files = Files.walk(this.profile)) {
				files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
			}
		}
	}

	@Test
	void buyAProductPayOnTheCheckoutPageAndSeeItOnTheAccountPage() {
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(15));
		this.browser.get("http://localhost:" + this.port + "/");
		assertThat(this.browser.findElement(By.tagName("main")).getText()).contains("Pro Plan", "$9.00 / month");

		this.browser.findElement(By.id("buy-pro")).click();
		wait.until(ExpectedConditions.urlContains(this.fake.baseUrl() + "/checkout/"));
		assertThat(this.browser.findElement(By.id("product")).getText()).isEqualTo("Pro Plan");

		this.browser.findElement(By.id("email")).sendKeys("ada@example.com");
		this.browser.findElement(By.id("pay")).click();
		wait.until(ExpectedConditions.urlContains("http://localhost:" + this.port + "/success"));
		assertThat(this.browser.findElement(By.id("confirmation")).getText())
			.isEqualTo("Your payment for Pro Plan went through.");

		this.browser.findElement(By.id("to-account")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("owned")));
		assertThat(this.browser.findElement(By.id("owned")).getText()).contains("Pro Plan", "Active, renews",
				"Pro member area");
	}

}
