package com.example.inframodels.core.api;

import com.example.inframodels.core.estimate.Sweep;
import com.example.inframodels.core.estimate.Workload;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The page at {@code /} and the files it loads, read once from the classpath: the same bytes on
 * every packaging, no front-end build. The chart library is uPlot from its webjar (a Maven Central
 * artifact), served from here rather than a CDN, so the page works where the service does.
 *
 * <p>The form's input constraints are the contract's own limits, written into the HTML from {@link
 * Workload}'s constants when it is first read, so the page cannot drift from the rules the server
 * applies.
 */
final class PageAssets {

  static final String PAGE_PATH = "/";
  static final String ASSETS = "/assets/";

  /**
   * Scripts and styles from this origin only, no inline script, nothing framed: the page needs
   * nothing else. The chart's canvas is drawn by script, so no image or font sources are needed.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'"
          + " data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private static final String HTML = "text/html; charset=utf-8";

  /** Stands for the webjar's folder in {@link #RESOURCES}: its name holds uPlot's version. */
  private static final String UPLOT_DIST = "{uplot}/";

  /**
   * What the page is made of, each path with the classpath resource it serves: a fixed set, so a
   * request's path never becomes a classpath lookup.
   */
  private static final Map<String, String> RESOURCES =
      Map.of(
          PAGE_PATH,
          "advisor-page/index.html",
          ASSETS + "page.js",
          "advisor-page/page.js",
          ASSETS + "page.css",
          "advisor-page/page.css",
          ASSETS + "uPlot.iife.min.js",
          UPLOT_DIST + "uPlot.iife.min.js",
          ASSETS + "uPlot.min.css",
          UPLOT_DIST + "uPlot.min.css");

  static final Set<String> PATHS = RESOURCES.keySet();

  /**
   * Read on the first request for the page, not when the contract starts: a function that only
   * answers the API never pays for reading the chart library.
   */
  private static final class Loaded {
    static final Map<String, Asset> BY_PATH = load();
  }

  private record Asset(String contentType, byte[] body) {}

  private PageAssets() {}

  static ApiResponse response(String path) {
    Asset asset = Loaded.BY_PATH.get(path);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", asset.contentType());
    headers.put("X-Content-Type-Options", "nosniff");
    // The page changes with each release and carries no version in its name; the browser asks
    // again, cheaply, rather than running a stale script against a newer contract.
    headers.put("Cache-Control", "no-cache");
    if (asset.contentType().equals(HTML)) {
      headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
      headers.put("Referrer-Policy", "no-referrer");
    }
    return new ApiResponse(200, headers, asset.body());
  }

  private static Map<String, Asset> load() {
    String uplot = "META-INF/resources/webjars/uplot/" + uplotVersion() + "/dist/";
    Map<String, Asset> assets = new HashMap<>();
    RESOURCES.forEach(
        (path, name) -> {
          String resource = name.replace(UPLOT_DIST, uplot);
          byte[] body = read(resource);
          assets.put(
              path, new Asset(contentType(resource), path.equals(PAGE_PATH) ? page(body) : body));
        });
    return Map.copyOf(assets);
  }

  private static String contentType(String resource) {
    if (resource.endsWith(".html")) {
      return HTML;
    }
    if (resource.endsWith(".js")) {
      return "text/javascript; charset=utf-8";
    }
    if (resource.endsWith(".css")) {
      return "text/css; charset=utf-8";
    }
    throw new IllegalStateException("no content type for " + resource);
  }

  /** The HTML with the contract's limits in place of its {@code {{NAME}}} markers. */
  static byte[] page(byte[] template) {
    Map<String, String> limits =
        Map.of(
            "MAX_REQUESTS_PER_MONTH", Long.toString(Workload.MAX_REQUESTS_PER_MONTH),
            "MAX_DURATION_MS", Workload.MAX_DURATION_MS.toPlainString(),
            "MIN_MEMORY_MB", Integer.toString(Workload.MIN_MEMORY_MB),
            "MAX_MEMORY_MB", Integer.toString(Workload.MAX_MEMORY_MB),
            "MAX_PEAK_REQUESTS_PER_SECOND", Workload.MAX_PEAK_REQUESTS_PER_SECOND.toPlainString(),
            "MAX_FRACTION_DIGITS", Integer.toString(AdvisorJson.MAX_FRACTION_DIGITS),
            "MAX_SWEEP_POINTS", Integer.toString(Sweep.MAX_POINTS));
    String html = new String(template, StandardCharsets.UTF_8);
    for (Map.Entry<String, String> limit : limits.entrySet()) {
      html = html.replace("{{" + limit.getKey() + "}}", limit.getValue());
    }
    if (html.contains("{{")) {
      throw new IllegalStateException("the page names a limit the contract does not have");
    }
    return html.getBytes(StandardCharsets.UTF_8);
  }

  /** The webjar's version, which the build writes beside the page (see app-core's pom). */
  private static String uplotVersion() {
    Properties versions = new Properties();
    try (InputStream in = open("advisor-page/versions.properties")) {
      versions.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return versions.getProperty("uplot.version");
  }

  private static byte[] read(String resource) {
    try (InputStream in = open(resource)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream open(String resource) {
    InputStream in = PageAssets.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("missing from the classpath: " + resource);
    }
    return in;
  }
}
