package io.zhongtai.service.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * One headless Chromium per test JVM, driven by Playwright: Debian's browser
 * ({@code apt-get install -y chromium}, which {@code .ci/run} does), never one Playwright would
 * download. Where it is missing the browser tests are skipped with the reason; everywhere
 * else they run. {@code -Dzhongtai.chromium=/path} names another binary.
 */
public final class TestingBrowser {
    private static final Path CHROMIUM = Path.of(System.getProperty("zhongtai.chromium", "/usr/bin/chromium"));
    private static Playwright playwright;
    private static Browser browser;

    private TestingBrowser() {}

    public static synchronized Browser get() {
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMIUM),
                "Chromium is not installed at " + CHROMIUM + ": the portal's browser tests are skipped (apt-get install -y chromium)");
        if (browser == null) {
            playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM)
                    .setHeadless(true)
                    .setArgs(List.of(
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-dev-shm-usage",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync",
                            "--no-first-run")));
            Runtime.getRuntime().addShutdownHook(new Thread(TestingBrowser::close));
        }
        return browser;
    }

    private static synchronized void close() {
        if (browser != null) {
            browser.close();
            playwright.close();
            browser = null;
        }
    }
}
