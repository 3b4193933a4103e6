package org.waystation.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One person's headless Chromium (Debian's {@code chromium} with
 * {@code chromium-driver}): its own profile, so sign-ins never leak between people. Waits
 * are on visible state; screenshots go to {@code target/screenshots}; {@link #axe} runs
 * axe-core in the page.
 */
final class Browser implements AutoCloseable {

	static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("WAYSTATION_CHROMIUM", "/usr/bin/chromium"));

	static final Path CHROMEDRIVER = Path
		.of(System.getenv().getOrDefault("WAYSTATION_CHROMEDRIVER", "/usr/bin/chromedriver"));

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private final ChromeDriver driver;

	private final String baseUrl;

	private final WebDriverWait wait;

	private Browser(ChromeDriver driver, String baseUrl) {
		this.driver = driver;
		this.baseUrl = baseUrl;
		// A screen redraws what it shows: an element found a moment ago may be gone.
		this.wait = new WebDriverWait(driver, PATIENCE, Duration.ofMillis(200));
		this.wait.ignoring(StaleElementReferenceException.class)
			.ignoring(ElementClickInterceptedException.class)
			.ignoring(ElementNotInteractableException.class);
	}

	static boolean available() {
		return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
	}

	/** A phone-sized window for the worker, a desk-sized one for staff. */
	static Browser open(String baseUrl, Path profile, boolean phone) {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--lang=zh-CN", "--user-data-dir=" + profile.toAbsolutePath());
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().window().setSize(phone ? new Dimension(412, 915) : new Dimension(1440, 1000));
		return new Browser(driver, baseUrl);
	}

	Browser go(String path) {
		this.driver.get(this.baseUrl + path);
		return this;
	}

	WebElement visible(String css) {
		return this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
	}

	boolean present(String css) {
		return !this.driver.findElements(By.cssSelector(css)).isEmpty();
	}

	String text(String css) {
		return visible(css).getText();
	}

	/** Waits until the element's text contains the words. */
	void sees(String css, String words) {
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), words));
	}

	/** Types into the field, again if the screen redrew it meanwhile. */
	Browser type(String css, String text) {
		this.wait.until((driver) -> {
			WebElement field = driver.findElement(By.cssSelector(css));
			field.clear();
			field.sendKeys(text);
			return true;
		});
		return this;
	}

	Browser choose(String css, String value) {
		this.wait.until((driver) -> {
			new Select(driver.findElement(By.cssSelector(css))).selectByValue(value);
			return true;
		});
		return this;
	}

	/**
	 * Clicks the element once it can be clicked, again if the screen redrew it meanwhile.
	 */
	Browser click(String css) {
		this.wait.until((driver) -> {
			WebElement element = driver.findElement(By.cssSelector(css));
			if (!element.isDisplayed() || !element.isEnabled()) {
				return false;
			}
			element.click();
			return true;
		});
		return this;
	}

	/**
	 * Does what shows something new (a click that loads), then waits a few seconds for it
	 * to show; again, until it does: for what another person's action makes appear.
	 */
	void repeatUntil(Runnable action, String css) {
		this.wait.until((driver) -> {
			action.run();
			try {
				new WebDriverWait(driver, Duration.ofSeconds(3), Duration.ofMillis(200))
					.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
				return true;
			}
			catch (TimeoutException ex) {
				return false;
			}
		});
	}

	Browser keys(CharSequence keys) {
		this.driver.switchTo().activeElement().sendKeys(keys);
		return this;
	}

	String url() {
		return this.driver.getCurrentUrl();
	}

	Object script(String script, Object... args) {
		return this.driver.executeScript(script, args);
	}

	/** Signs in on the identity service's page the screen sent the browser to. */
	void signIn(String username, String password, String totp) {
		visible("form[action='/login'] #username");
		type("#username", username).type("#password", password);
		if (totp != null) {
			type("#totp", totp);
		}
		click("form[action='/login'] button[type=submit]");
	}

	void screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			script("window.scrollTo(0, 0)");
			Files.write(SCREENSHOTS.resolve(name + ".png"), this.driver.getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** axe-core on the page as it is now: no serious or critical violation. */
	void axe(String page) {
		Results results = new AxeBuilder()
			.withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"))
			.analyze(this.driver);
		List<Rule> severe = results.getViolations()
			.stream()
			.filter((rule) -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
			.toList();
		assertThat(severe)
			.as(() -> page + ": " + severe.stream()
				.map((rule) -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
						+ rule.getNodes().stream().map((node) -> String.valueOf(node.getTarget())).limit(3).toList())
				.collect(Collectors.joining("; ")))
			.isEmpty();
	}

	@Override
	public void close() {
		this.driver.quit();
	}

}
