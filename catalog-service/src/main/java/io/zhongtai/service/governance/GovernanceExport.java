package io.zhongtai.service.governance;

import io.zhongtai.core.PageRequest;
import io.zhongtai.core.governance.KpiBreakdown;
import io.zhongtai.core.governance.KpiGap;
import io.zhongtai.core.governance.KpiSnapshot;
import io.zhongtai.core.governance.KpiUnit;
import io.zhongtai.core.governance.KpiWindow;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;

/** The whole governance report as CSV or as one self-contained HTML page with its charts inline. */
@Singleton
public class GovernanceExport {
    /** Gaps listed per KPI in an export; the API pages through all of them. */
    static final int GAPS_PER_KPI = 1_000;
    private static final int GAPS_IN_HTML = 50;

    private final GovernanceService governance;

    public GovernanceExport(GovernanceService governance) {
        this.governance = governance;
    }

    public String csv(KpiWindow window) {
        StringBuilder out = new StringBuilder();
        out.append("section,kpi,label,value,unit,count,total,target,deadline,status,id,name,owners,reason\r\n");
        List<GovernanceService.KpiResult> results = governance.report(window);
        for (GovernanceService.KpiResult result : results) {
            row(out, "kpi", result.definition().name(), result.definition().label(), number(result.value()),
                    result.definition().unit().value(), String.valueOf(result.measure().count()),
                    String.valueOf(result.measure().total()), number(result.definition().target()),
                    result.definition().deadline() == null ? "" : result.definition().deadline().toString(), result.status().value(),
                    "", "", "", "");
        }
        for (GovernanceService.KpiResult result : results) {
            for (KpiGap gap : gaps(result, window, GAPS_PER_KPI)) {
                row(out, "gap", result.definition().name(), "", "", "", "", "", "", "", "", gap.id().toString(), gap.name(),
                        String.join(" ", gap.owners()), gap.reason());
            }
        }
        return out.toString();
    }

    public String html(KpiWindow window) {
        List<GovernanceService.KpiResult> results = governance.report(window);
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Zhongtai governance report ")
                .append(window.asOf())
                .append("</title><style>")
                .append("body{font-family:system-ui,sans-serif;margin:2rem;color:#1f2933}h1{font-size:1.5rem}")
                .append(".cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:1rem}")
                .append(".card{border:1px solid #d9e2ec;border-radius:8px;padding:1rem}.value{font-size:2rem;font-weight:600}")
                .append(".met{color:#0f7b3f}.on_track{color:#1d6fb8}.behind{color:#b42318}.no_target{color:#616e7c}")
                .append("table{border-collapse:collapse;margin:.5rem 0 1.5rem}td,th{border-bottom:1px solid #e4e7eb;padding:.25rem .75rem;text-align:left}")
                .append("</style></head><body>");
        out.append("<h1>Governance report, ").append(window.asOf()).append(" (window of ").append(window.days()).append(" days)</h1>");
        out.append("<div class=\"cards\">");
        for (GovernanceService.KpiResult result : results) {
            String status = result.status().value();
            out.append("<div class=\"card\"><div>").append(escape(result.definition().label())).append("</div>")
                    .append("<div class=\"value\">").append(display(result)).append("</div>")
                    .append("<div>").append(result.measure().count()).append(" of ").append(result.measure().total());
            if (result.definition().target() != null) {
                out.append(", target ").append(number(result.definition().target()));
                if (result.definition().deadline() != null) {
                    out.append(" by ").append(result.definition().deadline());
                }
            }
            out.append("</div><div class=\"").append(status).append("\">").append(status.replace('_', ' ')).append("</div>");
            if (result.definition().unit() == KpiUnit.PERCENT && result.value() != null) {
                out.append(bar(result.value()));
            }
            List<KpiSnapshot> trend = governance.trend(
                    result.definition().name(), window.asOf().minusDays(GovernanceService.TREND_DAYS), window.asOf());
            out.append(sparkline(trend));
            out.append("</div>");
        }
        out.append("</div>");
        for (GovernanceService.KpiResult result : results) {
            out.append("<h2>").append(escape(result.definition().label())).append("</h2>");
            if (result.definition().description() != null) {
                out.append("<p>").append(escape(result.definition().description())).append("</p>");
            }
            List<KpiBreakdown> byOwner = governance.breakdown(result.definition().name(), window, "owner");
            out.append("<table><tr><th>owner</th><th>count</th><th>total</th></tr>");
            for (KpiBreakdown part : byOwner) {
                out.append("<tr><td>").append(part.key() == null ? "<em>no owner</em>" : escape(part.key())).append("</td><td>")
                        .append(part.count()).append("</td><td>").append(part.total()).append("</td></tr>");
            }
            out.append("</table>");
            List<KpiGap> gaps = gaps(result, window, GAPS_IN_HTML);
            if (!gaps.isEmpty()) {
                out.append("<table><tr><th>asset</th><th>owners</th><th>reason</th></tr>");
                for (KpiGap gap : gaps) {
                    out.append("<tr><td>").append(escape(gap.id().toString())).append("</td><td>")
                            .append(escape(String.join(", ", gap.owners()))).append("</td><td>").append(escape(gap.reason()))
                            .append("</td></tr>");
                }
                out.append("</table>");
            }
        }
        out.append("</body></html>");
        return out.toString();
    }

    private List<KpiGap> gaps(GovernanceService.KpiResult result, KpiWindow window, int limit) {
        return governance.gaps(result.definition().name(), window, null, new PageRequest(0, Math.min(limit, PageRequest.MAX_SIZE)))
                .items();
    }

    private static String display(GovernanceService.KpiResult result) {
        if (result.value() == null) {
            return "&ndash;";
        }
        return result.definition().unit() == KpiUnit.PERCENT ? number(result.value()) + "%" : number(result.value());
    }

    private static String bar(double percent) {
        double width = Math.max(0, Math.min(100, percent)) * 2;
        return "<svg width=\"200\" height=\"10\" role=\"img\" aria-label=\"" + number(percent) + " percent\">"
                + "<rect width=\"200\" height=\"10\" fill=\"#e4e7eb\"/><rect width=\"" + String.format(Locale.ROOT, "%.1f", width)
                + "\" height=\"10\" fill=\"#1d6fb8\"/></svg>";
    }

    /** The stored snapshots as a small line; nothing when there are fewer than two. */
    static String sparkline(List<KpiSnapshot> trend) {
        List<KpiSnapshot> points = trend.stream().filter(point -> point.value() != null).toList();
        if (points.size() < 2) {
            return "<div><small>trend starts with the second daily snapshot</small></div>";
        }
        double min = points.stream().mapToDouble(KpiSnapshot::value).min().orElse(0);
        double max = points.stream().mapToDouble(KpiSnapshot::value).max().orElse(1);
        double span = max - min == 0 ? 1 : max - min;
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            double x = 200.0 * i / (points.size() - 1);
            double y = 30 - 28 * (points.get(i).value() - min) / span - 1;
            path.append(i == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
        }
        return "<svg width=\"200\" height=\"30\" role=\"img\" aria-label=\"trend from " + points.get(0).date() + "\">"
                + "<path d=\"" + path + "\" fill=\"none\" stroke=\"#1d6fb8\" stroke-width=\"2\"/></svg>";
    }

    private static String number(Double value) {
        if (value == null) {
            return "";
        }
        return value == Math.rint(value) ? String.valueOf(value.longValue()) : String.format(Locale.ROOT, "%.2f", value);
    }

    /** One CSV record; cells that a spreadsheet would run as a formula are defused with a quote. */
    private static void row(StringBuilder out, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            String cell = cells[i] == null ? "" : cells[i];
            if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 && !cell.matches("-?[0-9.]+")) {
                cell = "'" + cell;
            }
            if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
                cell = "\"" + cell.replace("\"", "\"\"") + "\"";
            }
            out.append(cell);
        }
        out.append("\r\n");
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
