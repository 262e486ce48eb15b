package io.zhongtai.service.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.zhongtai.service.TestingZhongtai;
import io.zhongtai.service.web.TestingBrowser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The portal's first load on localhost, as BENCHMARKS.md reports it: a fresh browser context
 * (empty cache) per run opens the sign-in page, and a signed-in user's home page until its
 * catalog counts show; then the same home page again with a warm cache. Times come from the
 * page's own clock (Navigation Timing); bytes are what crossed the wire (compressed).
 * Not a test; see BENCHMARKS.md for the command.
 */
public final class PortalLoadBenchmark {
    private static final String TIMING = """
            () => { const n = performance.getEntriesByType('navigation')[0];
              const bytes = performance.getEntriesByType('resource').reduce((s, r) => s + r.transferSize, n.transferSize);
              return { response: n.responseEnd, dom: n.domContentLoadedEventEnd, load: n.loadEventEnd, ready: performance.now(), bytes }; }""";

    private static final String REQUESTS = """
            () => performance.getEntriesByType('resource')
              .map(r => '  ' + r.name.replace(location.origin, '') + ': at ' + r.startTime.toFixed(0) + ' ms for ' + r.duration.toFixed(0) + ' ms')
              .join(String.fromCharCode(10))""";
    private static String lastWarmRequests = "";

    private PortalLoadBenchmark() {}

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        TestingZhongtai zhongtai = TestingZhongtai.get();
        String token = zhongtai.adminToken();
        Browser browser = TestingBrowser.get();
        Map<String, List<Map<String, Object>>> results = Map.of("signin", new ArrayList<>(), "home", new ArrayList<>(), "home-warm", new ArrayList<>());
        for (int i = 0; i < runs + 2; i++) {
            boolean warmUp = i < 2;
            try (BrowserContext context = browser.newContext()) {
                Page page = context.newPage();
                page.navigate(zhongtai.uri("/signin").toString());
                page.locator("input[name=username]").waitFor();
                Map<String, Object> signin = timing(page);
                context.addInitScript("localStorage.setItem('zt.session', JSON.stringify({token: '" + token
                        + "', username: 'admin', expiresAt: Date.now() + 3600000}))");
                Page home = context.newPage();
                home.navigate(zhongtai.uri("/").toString());
                home.getByTestId("count-table").waitFor();
                Map<String, Object> cold = timing(home);
                home.navigate(zhongtai.uri("/").toString());
                home.getByTestId("count-table").waitFor();
                Map<String, Object> warm = timing(home);
                lastWarmRequests = String.valueOf(home.evaluate(REQUESTS));
                if (!warmUp) {
                    results.get("signin").add(signin);
                    results.get("home").add(cold);
                    results.get("home-warm").add(warm);
                }
            }
        }
        System.out.printf("%d runs, each in a fresh browser context (cold cache) but the warm row%n", runs);
        System.out.println("Requests of the last warm home load (start, duration):");
        System.out.println(lastWarmRequests);
        System.out.println("| page | response end | DOM content loaded | load event | ready (content shown) | bytes transferred |");
        for (String name : List.of("signin", "home", "home-warm")) {
            List<Map<String, Object>> list = results.get(name);
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %.0f |%n",
                    name, stats(list, "response"), stats(list, "dom"), stats(list, "load"), stats(list, "ready"), median(list, "bytes"));
        }
        System.exit(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> timing(Page page) {
        return (Map<String, Object>) page.evaluate(TIMING);
    }

    private static String stats(List<Map<String, Object>> list, String key) {
        double[] values = list.stream().mapToDouble(m -> ((Number) m.get(key)).doubleValue()).sorted().toArray();
        double median = values[values.length / 2];
        double p95 = values[Math.min(values.length - 1, (int) Math.ceil(values.length * 0.95) - 1)];
        return String.format(Locale.ROOT, "%.0f ms (p95 %.0f)", median, p95);
    }

    private static double median(List<Map<String, Object>> list, String key) {
        double[] values = list.stream().mapToDouble(m -> ((Number) m.get(key)).doubleValue()).sorted().toArray();
        return values[values.length / 2];
    }
}
