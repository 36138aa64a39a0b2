package uk.dsltriage.console.api;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import uk.dsltriage.incident.ParticipantIndex;
import uk.dsltriage.plans.ChildSupportService;
import uk.dsltriage.plans.SupportRecordKind;
import uk.dsltriage.plans.api.SupportRecordView;
import uk.dsltriage.plans.api.SupportViews;
import uk.dsltriage.review.Chronology;
import uk.dsltriage.review.Labels;
import uk.dsltriage.review.api.ChronologyEntryView;
import uk.dsltriage.review.api.ReviewViews;
import uk.dsltriage.security.CurrentUser;
import uk.dsltriage.security.Roles;

/**
 * A child's page: the chronology (the DSL's, as {@code GET /children/{ref}/chronology}), and the current version of
 * each assessment and safety plan (as {@code GET /children/{ref}/plans}, which a headteacher may read too). Only
 * what those two reads return is shown, so nothing of another child appears beyond the references they carry.
 */
@Path("/console/children/{ref}")
@Produces(MediaType.TEXT_HTML)
public class ChildPageResource {

    /** A chronology entry with its kind in words. */
    public record ChronologyRow(ChronologyEntryView entry, String kindLabel) {
    }

    /** The current versions of one kind of record (assessments or safety plans), shown alike. */
    public record SupportSection(String id, String heading, String recordName, String empty, List<SupportCard> cards) {
    }

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance child(Chrome chrome, String childRef, List<ChronologyRow> chronology,
                List<SupportSection> support);
    }

    private final Chronology chronology;
    private final ChildSupportService support;
    private final CurrentUser user;
    private final ConsoleUser console;

    public ChildPageResource(Chronology chronology, ChildSupportService support, CurrentUser user, ConsoleUser console) {
        this.chronology = chronology;
        this.support = support;
        this.user = user;
        this.console = console;
    }

    @GET
    @RolesAllowed({Roles.DSL, Roles.HEADTEACHER})
    public TemplateInstance child(@PathParam("ref") @Size(max = 12)
            @Pattern(regexp = ParticipantIndex.PSEUDONYM, message = "must be a pseudonymous reference such as P1") String ref) {
        List<SupportRecordView> records = support.ofChild(user.schoolScope(), ref).stream().map(SupportViews::version)
                .filter(SupportRecordView::current).toList();
        // The chronology is the DSL's read (the API refuses it to a headteacher): null, and the page says so.
        List<ChronologyRow> entries = console.isDsl() ? chronology.of(user.schoolScope(), ref).stream()
                .map(ReviewViews::chronologyEntry).map(e -> new ChronologyRow(e, Labels.of(e.kind()))).toList() : null;
        return Templates.child(console.chrome(ConsolePaths.child(ref)), ParticipantIndex.normalise(ref), entries,
                List.of(new SupportSection("assessments", "Assessments", "Risk and needs assessment", "No assessment has been recorded.",
                                cards(records, SupportRecordKind.ASSESSMENT)),
                        new SupportSection("safety-plans", "Safety plans", "Safety plan", "No safety plan has been recorded.",
                                cards(records, SupportRecordKind.SAFETY_PLAN))));
    }

    private static List<SupportCard> cards(List<SupportRecordView> records, SupportRecordKind kind) {
        return records.stream().filter(r -> r.kind() == kind).map(SupportCard::of).toList();
    }
}
