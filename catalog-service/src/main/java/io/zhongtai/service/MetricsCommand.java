package io.zhongtai.service;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.FieldError;
import io.zhongtai.metrics.model.SemanticManifest;
import io.zhongtai.metrics.validate.ManifestValidator;
import io.zhongtai.metrics.yaml.DefinitionReader;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code zhongtai metrics validate DIR}: reads every {@code .yml}/{@code .yaml} file under DIR as
 * metric definitions and checks them with the validator the API uses. Needs no server and no
 * store, so CI can run it on a pull request. Exit 0 when valid, 1 with one line per problem
 * otherwise, 2 on a usage error.
 */
final class MetricsCommand {
    private MetricsCommand() {}

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 2 || !args[0].equals("validate")) {
            err.println("Usage: zhongtai metrics validate DIR");
            return 2;
        }
        Path directory = Path.of(args[1]);
        SemanticManifest manifest;
        try {
            manifest = DefinitionReader.readDirectory(directory);
        } catch (CatalogException e) {
            return report(e.fieldErrors().isEmpty() ? List.of(new FieldError(directory.toString(), e.getMessage()))
                    : e.fieldErrors(), out, err);
        }
        List<FieldError> problems = new ManifestValidator().problems(manifest);
        if (!problems.isEmpty()) {
            return report(problems, out, err);
        }
        out.println("OK: " + manifest.models().size() + " semantic models, " + manifest.metrics().size() + " metrics, "
                + manifest.policies().size() + " policies in " + directory);
        return 0;
    }

    private static int report(List<FieldError> problems, PrintStream out, PrintStream err) {
        for (FieldError problem : problems) {
            err.println(problem.field() + ": " + problem.reason());
        }
        err.println(problems.size() + (problems.size() == 1 ? " problem" : " problems"));
        return 1;
    }
}
