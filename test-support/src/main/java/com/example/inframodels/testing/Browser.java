package com.example.inframodels.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The machine's own headless Chromium, driven through its ChromeDriver: Debian's {@code chromium}
 * and {@code chromium-driver} (what {@code .ci/provision} installs), or Google Chrome and the
 * ChromeDriver GitHub's runners carry. Nothing is downloaded: both executables are given to
 * Selenium, so its driver manager never runs.
 */
public final class Browser implements AutoCloseable {

  private final ChromeDriver driver;
  private final Path userData;

  private Browser(ChromeDriver driver, Path userData) {
    this.driver = driver;
    this.userData = userData;
  }

  /**
   * A fresh headless browser with an empty profile, or the test is skipped (failed in CI) naming
   * what is missing. {@code CHROME_BIN} and {@code CHROMEDRIVER} choose other executables.
   */
  public static Browser headless() {
    Path chromium = executable("CHROME_BIN", "Chromium", "chromium", "google-chrome");
    Path chromedriver = driverExecutable();
    Path userData;
    try {
      userData = Files.createTempDirectory("browser-profile");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    options.addArguments(
        "--headless=new",
        // Tests run as root in CI; Chromium's sandbox refuses root.
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1280,1500",
        "--user-data-dir=" + userData,
        // The build machines' network is closed: without these Chromium keeps trying to reach
        // Google's services at every start, and logs each refusal.
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile()).build();
    return new Browser(new ChromeDriver(service, options), userData);
  }

  public ChromeDriver driver() {
    return driver;
  }

  /** What the page logged at error level, script errors and refused resources among them. */
  public List<String> consoleErrors() {
    List<String> errors = new ArrayList<>();
    for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
      if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
        errors.add(entry.getMessage());
      }
    }
    return errors;
  }

  /** The page as shown now, saved as PNG at {@code file} (parent directories created). */
  public Path screenshot(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The accessibility tree as assistive technology gets it (Chrome DevTools Protocol's {@code
   * Accessibility.getFullAXTree}): each node's role and computed accessible name, ignored nodes
   * left out.
   */
  public List<AccessibleNode> accessibilityTree() {
    Map<String, Object> tree = driver.executeCdpCommand("Accessibility.getFullAXTree", Map.of());
    List<AccessibleNode> nodes = new ArrayList<>();
    for (Object raw : (List<?>) tree.get("nodes")) {
      Map<?, ?> node = (Map<?, ?>) raw;
      if (Boolean.TRUE.equals(node.get("ignored"))) {
        continue;
      }
      nodes.add(new AccessibleNode(value(node.get("role")), value(node.get("name"))));
    }
    return nodes;
  }

  /** One node of the accessibility tree: its role ("textbox", "combobox", …) and name. */
  public record AccessibleNode(String role, String name) {}

  private static String value(Object property) {
    if (property instanceof Map<?, ?> map && map.get("value") != null) {
      return map.get("value").toString();
    }
    return "";
  }

  @Override
  public void close() {
    driver.quit();
    try (var files = Files.walk(userData)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // A profile left in the temporary directory is harmless.
    }
  }

  private static Path executable(String variable, String what, String... names) {
    String chosen = System.getenv(variable);
    if (chosen != null && !chosen.isBlank()) {
      return RequiredTool.at(Path.of(chosen));
    }
    Optional<Path> found =
        Arrays.stream(names).map(RequiredTool::findOnPath).flatMap(Optional::stream).findFirst();
    return RequiredTool.require(
        found,
        "no " + what + ": none of " + String.join(", ", names) + " on PATH, and no " + variable);
  }

  /** ChromeDriver: {@code CHROMEDRIVER}, on PATH, or where GitHub's runners keep it. */
  private static Path driverExecutable() {
    String runner = System.getenv("CHROMEWEBDRIVER");
    if (System.getenv("CHROMEDRIVER") == null && runner != null && !runner.isBlank()) {
      Path beside = Path.of(runner, "chromedriver");
      if (Files.isExecutable(beside)) {
        return beside;
      }
    }
    return executable("CHROMEDRIVER", "ChromeDriver", "chromedriver");
  }
}
