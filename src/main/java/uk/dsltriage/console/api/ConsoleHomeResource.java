package uk.dsltriage.console.api;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The console's front door: each role lands on its own first page. */
@Path(ConsolePaths.ROOT)
@Produces(MediaType.TEXT_HTML)
public class ConsoleHomeResource {

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance signedOut();
    }

    private final ConsoleUser user;

    public ConsoleHomeResource(ConsoleUser user) {
        this.user = user;
    }

    @GET
    @Authenticated
    public Response home() {
        return Response.seeOther(URI.create(user.landingPath())).build();
    }

    @GET
    @Path("signed-out")
    @PermitAll
    public TemplateInstance signedOut() {
        return Templates.signedOut();
    }
}
