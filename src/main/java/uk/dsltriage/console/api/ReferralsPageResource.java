package uk.dsltriage.console.api;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import uk.dsltriage.referral.ReferralService;
import uk.dsltriage.referral.api.ReferralView;
import uk.dsltriage.security.CurrentUser;
import uk.dsltriage.security.Roles;
import uk.dsltriage.triage.RuleSetWords;
import uk.dsltriage.triage.TriageService;

/** The school's referrals to local authorities: sent, acknowledged or not, and what came back. */
@Path(ConsolePaths.REFERRALS)
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.DSL)
public class ReferralsPageResource {

    static final int SHOWN = 100;

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance referrals(Chrome chrome, List<ReferralPage> referrals, int shown);

        static native TemplateInstance referral(Chrome chrome, ReferralPage referral);
    }

    private final ReferralService referrals;
    private final TriageService triage;
    private final CurrentUser user;
    private final ConsoleUser console;

    public ReferralsPageResource(ReferralService referrals, TriageService triage, CurrentUser user, ConsoleUser console) {
        this.referrals = referrals;
        this.triage = triage;
        this.user = user;
        this.console = console;
    }

    @GET
    public TemplateInstance list() {
        return Templates.referrals(console.chrome(ConsolePaths.REFERRALS),
                pages(referrals.ofSchool(user.schoolScope(), SHOWN).stream().map(ReferralView::of).toList()), SHOWN);
    }

    @GET
    @Path("/{id}")
    public TemplateInstance one(@PathParam("id") UUID id) {
        return Templates.referral(console.chrome(ConsolePaths.REFERRALS),
                pages(List.of(ReferralView.of(referrals.one(user.schoolScope(), id)))).get(0));
    }

    /** Each referral with its urgency in the words of the rule set of its concern's recommendation. */
    private List<ReferralPage> pages(List<ReferralView> views) {
        Map<UUID, RuleSetWords> words = triage.wordsOfIncidents(views.stream().map(ReferralView::incidentId).toList());
        return views.stream().map(v -> ReferralPage.of(v, words.getOrDefault(v.incidentId(), RuleSetWords.NONE))).toList();
    }
}
