package io.zhongtai.service.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.zhongtai.service.TestingZhongtai;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A browser context on the running service for one user in one language, as a person would
 * arrive: the browser's locale decides the portal's language, and a signed-in user's token
 * sits where the portal keeps it. Collects the page's script errors so that tests can insist
 * there were none; saves screenshots under {@code target/screenshots}.
 */
final class PortalSession implements AutoCloseable {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    }

    final String lang;
    final BrowserContext context;
    final Page page;
    final List<String> scriptErrors = new ArrayList<>();
    private final TestingZhongtai zhongtai;

    private PortalSession(TestingZhongtai zhongtai, String lang, String token, String username) {
        this.zhongtai = zhongtai;
        this.lang = lang;
        Browser browser = TestingBrowser.get();
        context = browser.newContext(new Browser.NewContextOptions()
                .setLocale(lang.equals("zh") ? "zh-CN" : "en-US")
                .setTimezoneId("UTC")
                .setViewportSize(1400, 900)
                .setAcceptDownloads(true));
        context.setDefaultTimeout(20_000);
        if (token != null) {
            try {
                String session = JSON.writeValueAsString(Map.of(
                        "token", token, "username", username, "expiresAt", System.currentTimeMillis() + 3_600_000L));
                context.addInitScript("window.localStorage.setItem('zt.session', " + JSON.writeValueAsString(session) + ");");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        page = context.newPage();
        page.onPageError(scriptErrors::add);
    }

    /** A signed-in user (created with the role if absent). */
    static PortalSession as(TestingZhongtai zhongtai, String lang, String username, String role) {
        String token = username.equals("admin") ? zhongtai.adminToken() : zhongtai.tokenFor(username, role);
        return new PortalSession(zhongtai, lang, token, username);
    }

    static PortalSession anonymous(TestingZhongtai zhongtai, String lang) {
        return new PortalSession(zhongtai, lang, null, null);
    }

    /** The English or the Chinese text, whichever this session's language shows. */
    String text(String english, String chinese) {
        return lang.equals("zh") ? chinese : english;
    }

    Page open(String path) {
        page.navigate(zhongtai.uri(path).toString());
        return page;
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(lang + "-" + name + ".png")).setFullPage(true));
    }

    @Override
    public void close() {
        context.close();
    }
}
