package io.zhongtai.service.lineage.intake;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.zhongtai.core.Actor;
import io.zhongtai.core.asset.AssetId;
import io.zhongtai.service.security.Roles;
import java.util.List;

/**
 * {@code POST /api/v1/lineage}: OpenLineage run events, one or a JSON array, from any
 * OpenLineage producer's HTTP transport (its default path). Analysts and above may send; machine
 * senders use an API token.
 */
@Controller("/api/v1/lineage")
@Secured(Roles.ANALYST)
public class OpenLineageController {
    private final OpenLineageIntake intake;

    public OpenLineageController(OpenLineageIntake intake) {
        this.intake = intake;
    }

    /** What the events became: per event its job, datasets and whether the job's lineage changed. */
    public record IntakeView(int accepted, List<EventView> events) {}

    public record EventView(
            String job,
            String runId,
            String eventType,
            List<String> inputs,
            List<String> outputs,
            int columnEdges,
            long jobVersion,
            boolean lineageChanged,
            List<String> warnings) {
        static EventView of(OpenLineageIntake.Accepted accepted) {
            return new EventView(
                    accepted.job().toString(),
                    accepted.runId(),
                    accepted.eventType(),
                    accepted.inputs().stream().map(AssetId::toString).toList(),
                    accepted.outputs().stream().map(AssetId::toString).toList(),
                    accepted.columnEdges(),
                    accepted.jobVersion(),
                    accepted.lineageChanged(),
                    accepted.warnings());
        }
    }

    @Post(consumes = {MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    public IntakeView receive(@Body String body, Authentication authentication) {
        List<OpenLineageIntake.Accepted> accepted = intake.accept(body, new Actor(authentication.getName()));
        return new IntakeView(accepted.size(), accepted.stream().map(EventView::of).toList());
    }
}
