package io.zhongtai.service.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.zhongtai.service.TestingZhongtai;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The main flow of every page of the portal in a real headless Chromium, in English and in
 * Chinese, against the running service on the demo catalog. Screenshots of each page go to
 * {@code target/screenshots}.
 */
class PortalBrowserIT {
    private final TestingZhongtai zhongtai = TestingZhongtai.get();

    private static String asset(String id) {
        return "/asset/" + TestingZhongtai.encode(id);
    }

    private static void noScriptErrors(PortalSession session) {
        Assertions.assertThat(session.scriptErrors).as("script errors in the page").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "zh"})
    void signInFollowsTheDeepLinkAndSignOutReturnsToTheForm(String lang) {
        try (PortalSession session = PortalSession.anonymous(zhongtai, lang)) {
            Page page = session.open("/admin/warehouses");
            assertThat(page).hasURL(Pattern.compile("/signin\\?next=%2Fadmin%2Fwarehouses$"));
            assertThat(page.locator("h1")).hasText(session.text("Sign in", "登录"));
            assertThat(page.locator("html")).hasAttribute("lang", session.text("en-US", "zh-CN"));
            page.locator("input[name=username]").fill("admin");
            page.locator("input[name=password]").fill("not-the-password");
            page.locator("button[type=submit]").click();
            assertThat(page.locator("form [role=alert]")).hasText(session.text("The user name or the password is wrong.", "用户名或密码错误。"));
            session.screenshot("signin");

            page.locator("input[name=password]").fill(TestingZhongtai.ADMIN_PASSWORD);
            page.locator("button[type=submit]").click();
            assertThat(page).hasURL(Pattern.compile("/admin/warehouses$"));
            assertThat(page.getByTestId("warehouse-demo")).isVisible();

            page.getByTestId("user-menu").click();
            page.getByTestId("sign-out").click();
            assertThat(page.locator("h1")).hasText(session.text("Sign in", "登录"));
            noScriptErrors(session);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "zh"})
    void homeShowsTheCatalogInTheBrowsersLanguageAndTheSwitchRemembersTheOther(String lang) {
        long tables = zhongtai.send("GET", "/api/v1/assets?type=table&size=1", zhongtai.adminToken(), null).json().get("total").asLong();
        try (PortalSession session = PortalSession.as(zhongtai, lang, "admin", "admin")) {
            Page page = session.open("/");
            assertThat(page.locator("h1")).containsText(session.text("Welcome", "欢迎"));
            assertThat(page.getByTestId("count-table")).containsText(tables + session.text(" tables", "张表").strip());
            assertThat(page.locator("nav.nav")).containsText(session.text("Governance", "数据治理"));
            session.screenshot("home");

            String other = lang.equals("en") ? "zh" : "en";
            page.getByTestId("lang-" + other).click();
            assertThat(page.locator("nav.nav")).containsText(other.equals("zh") ? "数据治理" : "Governance");
            page.reload();
            assertThat(page.locator("nav.nav")).containsText(other.equals("zh") ? "数据治理" : "Governance");
            assertThat(page.locator("html")).hasAttribute("lang", other.equals("zh") ? "zh-CN" : "en-US");
            noScriptErrors(session);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "zh"})
    void assetPageShowsSchemaKeysTagsOwnersAndHistory(String lang) {
        try (PortalSession session = PortalSession.as(zhongtai, lang, "admin", "admin")) {
            // opened straight from its address: the client route survives a reload
            Page page = session.open(asset("table:demo.retail.orders"));
            assertThat(page.getByTestId("asset-name")).hasText("orders");
            assertThat(page.getByTestId("owners")).containsText("sales-ops");
            assertThat(page.getByTestId("column-order_id")).containsText("PK");
            assertThat(page.getByTestId("column-order_id")).containsText("BIGINT");
            assertThat(page.getByTestId("column-customer_id").locator("a.fk")).hasText("FK → customers.customer_id");
            assertThat(page.getByTestId("attribute-rowCount")).not().isEmpty();
            session.screenshot("asset-table");

            page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName(session.text("History", "变更历史"))).click();
            Locator created = page.getByTestId("version-1");
            assertThat(created).containsText(session.text("created", "创建"));
            assertThat(created).containsText("columns.order_id");
            session.screenshot("asset-history");

            page.navigate(zhongtai.uri(asset("table:demo.retail.customers")).toString());
            Locator email = page.getByTestId("column-email");
            assertThat(email.locator(".tag[data-source=automatic]")).containsText("pii:email");
            email.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("email")).click();
            assertThat(page.getByTestId("asset-name")).hasText("email");
            assertThat(page.getByTestId("data-type")).hasText("VARCHAR");
            assertThat(page.getByTestId("tags")).containsText(session.text("auto", "自动"));
            session.screenshot("asset-column");
            noScriptErrors(session);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "zh"})
    void stewardEditsADescriptionAndSeesTheErrorOfABadOwnerBesideTheForm(String lang) {
        String products = "/api/v1/assets/" + TestingZhongtai.encode("table:demo.retail.products");
        String steward = zhongtai.tokenFor("portal-steward", "steward");
        String description = "Products as the portal describes them in " + lang + " 门户";
        try (PortalSession session = PortalSession.as(zhongtai, lang, "portal-steward", "steward")) {
            Page page = session.open(asset("table:demo.retail.products"));
            page.getByTestId("edit").click();
            Locator form = page.getByTestId("edit-panel");
            form.locator("input[name=owner]").fill("user:nobody-" + lang);
            form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(session.text("Add owner", "添加负责人"))).click();
            form.getByTestId("save").click();
            assertThat(form.locator("[role=alert]")).containsText("nobody-" + lang);
            session.screenshot("asset-edit-error");

            form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("user:nobody-" + lang + " ✕")).click();
            form.locator("textarea[name=description]").fill(description);
            form.getByTestId("save").click();
            assertThat(page.getByTestId("description")).hasText(description);
            Assertions.assertThat(zhongtai.send("GET", products, steward, null).json().get("description").asText()).isEqualTo(description);

            page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName(session.text("History", "变更历史"))).click();
            Locator newest = page.locator(".version").first();
            assertThat(newest).containsText("description");
            assertThat(newest.locator("ins")).hasText(description);
            session.screenshot("asset-edited");
            noScriptErrors(session);
        } finally {
            // the harvested description shows again
            zhongtai.sendRaw("PATCH", products, steward, "{\"description\": null}");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "zh"})
    void glossaryTermPageEditsSynonymsThroughTheTermsApi(String lang) {
        String steward = zhongtai.tokenFor("portal-steward", "steward");
        String term = "Portal Term " + lang;
        String path = "/api/v1/terms/" + TestingZhongtai.encode(term);
        zhongtai.send("PUT", path, steward, Map.of("description", "A term the portal edits", "synonyms", List.of("first")));
        try (PortalSession session = PortalSession.as(zhongtai, lang, "portal-steward", "steward")) {
            Page page = session.open(asset("term:" + term));
            assertThat(page.getByTestId("asset-name")).hasText(term);
            assertThat(page.getByTestId("description")).hasText("A term the portal edits");
            page.getByTestId("edit").click();
            Locator form = page.getByTestId("edit-panel");
            form.locator("input[name=synonyms]").fill("营业额, turnover");
            form.getByTestId("save").click();
            assertThat(page.locator(".facts")).containsText("营业额, turnover");
            Assertions.assertThat(zhongtai.send("GET", path, steward, null).json().get("synonyms").toString())
                    .isEqualTo("[\"营业额\",\"turnover\"]");
            session.screenshot("term");
            noScriptErrors(session);
        } finally {
            zhongtai.send("DELETE", path, steward, null);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "zh"})
    void aViewerSeesNoEditingAndNoAdministration(String lang) {
        try (PortalSession session = PortalSession.as(zhongtai, lang, "portal-viewer", "viewer")) {
            Page page = session.open(asset("table:demo.retail.orders"));
            assertThat(page.getByTestId("asset-name")).hasText("orders");
            assertThat(page.getByTestId("edit")).hasCount(0);
            assertThat(page.locator("nav.nav")).not().containsText(session.text("Administration", "系统管理"));
            assertThat(page.locator("nav.nav")).not().containsText(session.text("Ask", "问答"));
            assertThat(page.getByTestId("user-menu")).containsText(session.text("viewer", "查看者"));
            page.getByTestId("user-menu").click();
            assertThat(page.getByText(session.text("API tokens", "API 令牌"))).hasCount(0);
            page.navigate(zhongtai.uri("/admin/users").toString());
            assertThat(page.locator("[role=alert]")).hasText(session.text("Only administrators can open this page.", "只有管理员可以打开此页面。"));
            session.screenshot("viewer");
            noScriptErrors(session);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "zh"})
    void searchBoxSuggestsAndTheResultsNarrowByFacets(String lang) {
        try (PortalSession session = PortalSession.as(zhongtai, lang, "admin", "admin")) {
            Page page = session.open("/");
            Locator box = page.locator("header input[name=q]");
            box.fill("orde");
            assertThat(page.getByTestId("suggestions")).containsText("orders");
            session.screenshot("search-suggest");
            box.press("Enter");
            assertThat(page).hasURL(Pattern.compile("/search\\?q=orde$"));
            assertThat(page.getByTestId("hit").first()).isVisible();
            assertThat(page.getByTestId("hit").first().locator("mark").first()).isVisible();

            page.getByTestId("facet-type").locator(".facet-value input").first().check();
            assertThat(page).hasURL(Pattern.compile("type="));
            assertThat(page.locator(".selected-filters")).isVisible();
            // narrowed to one type: every hit carries the same type badge
            Assertions.assertThat(new HashSet<>(page.getByTestId("hit").locator(".hit-title .badge").allTextContents())).hasSize(1);

            page.getByLabel(session.text("Explain ranking", "解释排序")).check();
            assertThat(page.getByTestId("explain").first()).isVisible();
            session.screenshot("search");
            noScriptErrors(session);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "zh"})
    void lineageOpensOneHopExpandsHighlightsAndSwitchesToColumns(String lang) {
        try (PortalSession session = PortalSession.as(zhongtai, lang, "admin", "admin")) {
            Page page = session.open(asset("table:demo.retail.orders") + "?tab=lineage");
            assertThat(page.getByTestId("lineage-canvas")).isVisible();
            Locator dailySales = page.locator("[data-testid=lineage-node][data-id='table:demo.mart.daily_sales']");
            assertThat(dailySales).isVisible();
            dailySales.getByTestId("expand").click();
            Locator regionDaily = page.locator("[data-testid=lineage-node][data-id='table:demo.mart.region_daily']");
            assertThat(regionDaily).isVisible();
            regionDaily.getByTestId("highlight").click();
            assertThat(dailySales).hasClass(Pattern.compile("on-path"));
            assertThat(page.locator("[data-testid=lineage-node][data-id='table:demo.retail.orders']")).hasClass(Pattern.compile("on-path"));
            session.screenshot("lineage-table");

            page.getByTestId("level-column").click();
            assertThat(page.locator("[data-testid=lineage-node][data-id^='column:']").first()).isVisible();
            session.screenshot("lineage-column");

            page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName(session.text("Impact", "影响分析"))).click();
            assertThat(page.getByTestId("impact")).containsText("daily_sales");
            session.screenshot("impact");
            noScriptErrors(session);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "zh"})
    void metricsMarketplaceAndALiveChartOfOneMetric(String lang) {
        try (PortalSession session = PortalSession.as(zhongtai, lang, "admin", "admin")) {
            Page page = session.open("/metrics");
            Locator cards = page.getByTestId("metric-card");
            assertThat(cards.first()).isVisible();
            Assertions.assertThat(cards.count()).isGreaterThanOrEqualTo(11);
            page.locator("input[name=metric-q]").fill("客单价");
            assertThat(cards).hasCount(1);
            assertThat(cards.first()).containsText("avg_order_value");
            page.locator("input[name=metric-q]").fill("");
            page.locator("input[name=certified]").check();
            Assertions.assertThat(cards.count()).isGreaterThanOrEqualTo(11);
            session.screenshot("metrics");

            cards.filter(new Locator.FilterOptions().setHas(page.locator("code", new Page.LocatorOptions().setHasText(Pattern.compile("^gmv$"))))).click();
            assertThat(page).hasURL(Pattern.compile("/metrics/gmv$"));
            Locator chart = page.getByTestId("live-chart");
            assertThat(chart.locator(".result[data-chart=line] canvas")).isVisible();
            chart.locator("input[name=dimension-region]").check();
            assertThat(chart.locator(".result[data-chart=line]")).isVisible();
            chart.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(session.text("Show table", "显示表格"))).click();
            assertThat(chart.getByTestId("result-table").locator("tbody tr").first()).isVisible();
            // the region's values in the page's language, the month as a month
            assertThat(chart.getByTestId("result-table")).containsText(session.text("East", "华东"));
            assertThat(chart.getByTestId("result-table")).containsText(session.text("Jan 2025", "2025年1月"));
            chart.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(session.text("Show SQL", "显示 SQL"))).click();
            assertThat(chart.getByTestId("sql")).containsText(Pattern.compile("select", Pattern.CASE_INSENSITIVE));
            session.screenshot("metric");

            page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName(session.text("Definition", "定义"))).click();
            assertThat(page.getByTestId("definition")).containsText(session.text("Chinese label", "中文名称"));
            assertThat(page.getByTestId("definition")).containsText("成交额");
            assertThat(page.getByTestId("review")).isVisible();
            noScriptErrors(session);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "zh"})
    void chatAnswersExplainsShowsSqlAndKeepsTheConversation(String lang) {
        try (PortalSession session = PortalSession.as(zhongtai, lang, "admin", "admin")) {
            Page page = session.open("/chat");
            assertThat(page.getByTestId("suggested-questions")).isVisible();
            Locator input = page.locator("input[name=question]");
            input.fill(session.text("What was GMV in 2025?", "2025年的成交额是多少？"));
            input.press("Enter");
            Locator first = page.getByTestId("answer").first();
            assertThat(first.getByTestId("explanation")).isVisible();
            assertThat(first.locator(".result")).isVisible();
            first.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(session.text("Show SQL", "显示 SQL"))).click();
            assertThat(first.getByTestId("sql")).containsText(Pattern.compile("select", Pattern.CASE_INSENSITIVE));

            input.fill(session.text("and by month?", "按月呢？"));
            input.press("Enter");
            Locator second = page.getByTestId("answer").nth(1);
            assertThat(second.locator(".result[data-chart=line]")).isVisible();
            second.getByTestId("feedback-up").click();
            assertThat(second.locator("[data-testid=feedback-thanks], [role=alert]").first()).isVisible();
            session.screenshot("chat");
            noScriptErrors(session);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "zh"})
    void governanceCardsDetailGapsAndExport(String lang) throws Exception {
        try (PortalSession session = PortalSession.as(zhongtai, lang, "admin", "admin")) {
            Page page = session.open("/governance");
            Locator cards = page.getByTestId("kpi-card");
            assertThat(cards.first()).isVisible();
            Assertions.assertThat(cards.count()).isGreaterThanOrEqualTo(10);
            page.locator("[data-testid=kpi-card][data-kpi=description_coverage]").click();
            Locator detail = page.getByTestId("kpi-detail");
            assertThat(detail.getByTestId("gaps")).containsText("inventory_cover");
            session.screenshot("governance");

            Download csv = page.waitForDownload(() -> page.getByTestId("export-csv").click());
            Assertions.assertThat(csv.suggestedFilename()).endsWith(".csv");
            Assertions.assertThat(Files.readString(csv.path())).contains("description_coverage");
            assertThat(page.getByTestId("exported")).isVisible();
            page.getByTestId("define-kpi").click();
            assertThat(page.getByTestId("define-kpi-form")).isVisible();
            noScriptErrors(session);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "zh"})
    void adminRegistersTestsCrawlsWithProgressAndSchedulesAWarehouse(String lang) throws Exception {
        String name = "portal_" + lang;
        String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS shop");
            statement.execute("CREATE TABLE IF NOT EXISTS shop.sales (id INT PRIMARY KEY, amount DECIMAL(10,2))");
        }
        String admin = zhongtai.adminToken();
        try (PortalSession session = PortalSession.as(zhongtai, lang, "admin", "admin")) {
            Page page = session.open("/admin/warehouses");
            page.getByTestId("register-warehouse").click();
            Locator form = page.getByTestId("register-form");
            form.locator("input[name=name]").fill(name);
            form.locator("input[name=jdbcUrl]").fill("not-a-jdbc-url");
            form.getByTestId("register-submit").click();
            assertThat(form.locator("[role=alert]")).containsText("jdbcUrl");
            form.locator("input[name=jdbcUrl]").fill(url);
            form.getByTestId("register-submit").click();
            Locator card = page.getByTestId("warehouse-" + name);
            assertThat(card).isVisible();

            card.getByTestId("test-connection").click();
            assertThat(card.getByTestId("test-result")).containsText("H2");

            card.getByTestId("crawl-now").click();
            Locator run = card.getByTestId("crawl-run");
            assertThat(run.locator("[role=progressbar]")).isVisible();
            assertThat(run).hasAttribute("data-status", "succeeded");
            assertThat(run.locator("[role=progressbar]")).hasAttribute("aria-valuenow", "100");
            JsonNode finished = zhongtai.send("GET", "/api/v1/warehouses/" + name + "/crawls", admin, null).json().get("items").get(0);
            int added = finished.get("added").asInt();
            Assertions.assertThat(added).isPositive();
            assertThat(run).containsText(session.text(added + " added", "新增 " + added));
            card.locator("details > summary").first().click();
            assertThat(card.getByTestId("crawl-history").locator("tbody tr")).hasCount(1);

            card.locator("input[name=schedule]").fill("every day");
            card.getByTestId("save-schedule").click();
            assertThat(card.locator("[role=alert]")).isVisible();
            card.locator("input[name=schedule]").fill("0 3 * * *");
            card.getByTestId("save-schedule").click();
            assertThat(card.locator(".schedule .ok")).isVisible();
            Assertions.assertThat(zhongtai.send("GET", "/api/v1/warehouses/" + name, admin, null).json().get("schedule").asText()).isEqualTo("0 3 * * *");
            session.screenshot("admin-warehouses");
            noScriptErrors(session);
        } finally {
            zhongtai.send("DELETE", "/api/v1/warehouses/" + name, admin, null);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "zh"})
    void adminManagesUsersReadsTheAuditLogAndTheStatus(String lang) {
        String admin = zhongtai.adminToken();
        String username = "portal-made-" + lang;
        try (PortalSession session = PortalSession.as(zhongtai, lang, "admin", "admin")) {
            Page page = session.open("/admin/users");
            page.getByTestId("create-user").click();
            Locator form = page.getByTestId("create-user-form");
            form.locator("input[name=new-username]").fill(username);
            form.locator("input[name=new-password]").fill("a-long-enough-password");
            form.locator("select[name=new-role]").selectOption("analyst");
            form.getByTestId("create-user-submit").click();
            Locator row = page.getByTestId("user-" + username);
            Locator effectiveRole = row.locator("td:nth-child(5)");
            assertThat(effectiveRole).hasText(session.text("analyst", "分析师"));
            row.locator("select").selectOption("steward");
            assertThat(effectiveRole).hasText(session.text("steward", "数据管家"));
            Assertions.assertThat(zhongtai.send("GET", "/api/v1/users/" + username, admin, null).json().get("effectiveRole").asText())
                    .isEqualTo("steward");
            session.screenshot("admin-users");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(session.text("Audit log", "审计日志"))).click();
            page.locator("input[name=audit-user]").fill("admin");
            page.getByTestId("audit-filter").click();
            Locator rows = page.getByTestId("audit-row");
            // the role change just made, newest first, with its target
            assertThat(rows.filter(new Locator.FilterOptions().setHasText("PUT /api/v1/users/{username}")).first()).containsText(username);
            // the filtered page replaces the unfiltered one: only admin's entries remain
            assertThat(rows.locator("td:nth-child(2)").filter(new Locator.FilterOptions().setHasNotText("admin"))).hasCount(0);
            assertThat(rows.first().locator("td:nth-child(2)")).hasText("admin");
            session.screenshot("admin-audit");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(session.text("Status", "运行状态"))).click();
            assertThat(page.getByTestId("status-health")).hasText("UP");
            assertThat(page.getByTestId("status-store")).hasText(session.text("Neo4j, embedded", "Neo4j（内嵌）"));
            assertThat(page.getByTestId("status-llm")).containsText(session.text("not configured", "未配置"));
            assertThat(page.getByTestId("components")).containsText("zhongtai");
            session.screenshot("admin-status");
            noScriptErrors(session);
        } finally {
            zhongtai.send("DELETE", "/api/v1/users/" + username, admin, null);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "zh"})
    void anAnalystCreatesAnApiTokenShownOnce(String lang) {
        try (PortalSession session = PortalSession.as(zhongtai, lang, "portal-analyst", "analyst")) {
            Page page = session.open("/");
            page.getByTestId("user-menu").click();
            page.getByText(session.text("API tokens", "API 令牌")).click();
            page.locator("input[name=token-name]").fill("portal-" + lang);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(session.text("Create token", "创建令牌"))).click();
            assertThat(page.getByTestId("new-token")).containsText("ztk_");
            assertThat(page.locator("table.grid")).containsText("portal-" + lang);
            session.screenshot("tokens");
            noScriptErrors(session);
        }
    }

}
