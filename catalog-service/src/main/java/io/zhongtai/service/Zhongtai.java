package io.zhongtai.service;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.zhongtai.core.Actor;
import io.zhongtai.service.config.DemoConfig;
import io.zhongtai.service.demo.DemoService;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * The command line: {@code serve} (the default) runs the service; {@code demo} (re)creates the
 * demo warehouse and crawls it, and {@code reindex} rebuilds the search index from the catalog,
 * with the same configuration, while the server is stopped; {@code metrics validate DIR} checks
 * metrics-as-code for CI.
 */
public final class Zhongtai {
    private Zhongtai() {}

    public static void main(String[] args) {
        String command = args.length == 0 || args[0].startsWith("-") ? "serve" : args[0].toLowerCase(Locale.ROOT);
        if (command.equals("serve")) {
            String[] rest = args.length == 0 || args[0].startsWith("-") ? args : Arrays.copyOfRange(args, 1, args.length);
            Micronaut.build(rest).mainClass(Zhongtai.class).banner(false).start();
            return;
        }
        System.exit(run(args, Map.of()));
    }

    /**
     * Runs a command that ends (everything but {@code serve}) and returns its exit code.
     *
     * @param properties configuration added to the usual sources (tests name their home here)
     */
    /** Turns the scheduled background work off (commands set it; the server leaves it on). */
    public static final String SCHEDULING = "zhongtai.scheduling.enabled";

    static int run(String[] args, Map<String, Object> given) {
        // a command that ends runs no background work: no scheduled crawl, snapshot or poll may
        // open the store again while the command closes it
        Map<String, Object> properties = new java.util.HashMap<>(given);
        properties.put(SCHEDULING, false);
        String command = args.length == 0 ? "help" : args[0].toLowerCase(Locale.ROOT);
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (command) {
            case "demo":
                return demo(rest, properties);
            case "reindex":
                return SearchCommand.reindex(rest, properties);
            case "metrics":
                return MetricsCommand.run(rest, System.out, System.err);
            case "help":
                System.out.println(usage());
                return 0;
            default:
                System.err.println("Unknown command '" + command + "'.\n" + usage());
                return 2;
        }
    }

    private static int demo(String[] args, Map<String, Object> properties) {
        Long seed = null;
        Double scale = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            try {
                switch (args[i]) {
                    case "--seed" -> { seed = Long.parseLong(value); i++; }
                    case "--scale" -> { scale = Double.parseDouble(value); i++; }
                    default -> {
                        System.err.println("Unknown option '" + args[i] + "'.\n" + usage());
                        return 2;
                    }
                }
            } catch (NumberFormatException | NullPointerException e) {
                System.err.println("Option " + args[i] + " needs a number.\n" + usage());
                return 2;
            }
        }
        if (scale != null && (scale <= 0 || scale > 100)) {
            System.err.println("--scale must be above 0 and at most 100");
            return 2;
        }
        try (ApplicationContext context = ApplicationContext.builder().properties(properties).start()) {
            DemoConfig config = context.getBean(DemoConfig.class);
            DemoService.Outcome outcome = context.getBean(DemoService.class).create(
                    seed != null ? seed : config.seed(), scale != null ? scale : config.scale(), Actor.SYSTEM);
            System.out.println("Demo warehouse written to " + outcome.file() + ": " + outcome.summary().rowCounts());
            System.out.println("Crawled: " + outcome.crawl().added() + " added, " + outcome.crawl().changed()
                    + " changed, " + outcome.crawl().removed() + " removed");
            return 0;
        } catch (RuntimeException e) {
            System.err.println("The demo could not be created: " + e.getMessage()
                    + "\n(Is the server running on the same ZHONGTAI_HOME? Stop it first: the embedded store is locked.)");
            return 1;
        }
    }

    private static String usage() {
        return """
                Usage: java -jar zhongtai.jar [command] [options]
                  serve                          run the service (the default)
                  demo [--seed N] [--scale X]    (re)create the demo warehouse and crawl it (server stopped)
                  reindex                        rebuild the search index from the catalog (server stopped; a
                                                 running server rebuilds through POST /api/v1/admin/search/rebuild)
                  metrics validate DIR           check the metric definitions (YAML) under DIR; exit 1 on problems
                  help                           this text
                Configuration: ZHONGTAI_HOME, MICRONAUT_SERVER_PORT, ZHONGTAI_ADMIN_PASSWORD,
                ZHONGTAI_JWT_SECRET, ZHONGTAI_SECRET_KEY, ZHONGTAI_NEO4J_URI (see README.md).""";
    }
}
