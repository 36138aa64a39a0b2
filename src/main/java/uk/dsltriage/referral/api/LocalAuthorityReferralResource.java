package uk.dsltriage.referral.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import uk.dsltriage.common.WireLimits;
import jakarta.validation.constraints.Size;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.dsltriage.common.problem.ProblemException;
import uk.dsltriage.referral.FeedCursor;
import uk.dsltriage.referral.LocalAuthorityReferrals;
import uk.dsltriage.security.CurrentUser;
import uk.dsltriage.security.Roles;

@Path("/api/v1/la/referrals")
@Tag(name = "Local-authority referral feed", description = "Referrals addressed to the caller's local authority (la_code)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.LA_OFFICER)
public class LocalAuthorityReferralResource {

    /**
     * An authority's system catching up on a backlog (onboarding, after an outage) drains it in a tenth of the round
     * trips of 100 a page, and a page stays bounded: one query with a limit, about 3 MB of JSON.
     */
    private static final int MAX_LIMIT = 1000;

    private final LocalAuthorityReferrals service;
    private final CurrentUser user;
    private final ObjectMapper mapper;

    public LocalAuthorityReferralResource(LocalAuthorityReferrals service, CurrentUser user, ObjectMapper mapper) {
        this.service = service;
        this.user = user;
        this.mapper = mapper;
    }

    @GET
    @Operation(operationId = "pullReferralFeed", summary = "Referrals addressed to your authority, oldest first",
            description = "Pass the previous page's nextCursor as after; the feed never skips or repeats a referral, however many "
                    + "are being written. Send the page's ETag as If-None-Match to get 304 when nothing has changed. A full page "
                    + "carries a Link header to the next page (the same cursor), so a client can request it while reading this one: "
                    + "the status line and headers are sent before the body is written. A body that ends before its closing brace "
                    + "(the connection closed, or a problem's JSON after the page's first byte: a damaged record) is not a page; "
                    + "ask again with the same cursor and report the response's X-Correlation-Id.")
    @APIResponse(responseCode = "200", description = "A page of referrals",
            headers = {
                    @Header(name = "ETag", description = "Tag of this page", schema = @Schema(type = SchemaType.STRING, maxLength = WireLimits.ETAG)),
                    @Header(name = "Link", description = "On a full page (as many items as limit): the next page, "
                            + "<PATH?after=NEXT_CURSOR&limit=N>; rel=\"next\" (RFC 8288; the cursor is the body's nextCursor), so "
                            + "that a client can ask for it while it reads this one. Absent on a shorter page: the feed "
                            + "has nothing more yet; poll later with nextCursor.",
                            schema = @Schema(type = SchemaType.STRING, maxLength = WireLimits.LINK))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedPageView.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag sent in If-None-Match")
    public Response pullReferralFeed(
            @Parameter(description = "The nextCursor of the previous page; absent for the beginning") @QueryParam("after") @Size(max = WireLimits.CURSOR) String after,
            @Parameter(description = "Page size, 1-1000 (default 50). Up to 1000 lets a system catching up on a backlog "
                    + "(onboarding, after an outage) drain it in few round trips; each page is still bounded (about 3 MB).") @QueryParam("limit") @DefaultValue("50") @Min(1)
            @Max(MAX_LIMIT) int limit,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) @Size(max = WireLimits.CURSOR) String ifNoneMatch,
            @Context UriInfo uri) {
        long position = FeedCursor.parse(after).orElseThrow(() -> ProblemException.invalid("after", "not a cursor of this feed"));
        LocalAuthorityReferrals.FeedResult result = service.feed(user.localAuthorityScope(), position, limit, ifNoneMatch);
        if (result instanceof LocalAuthorityReferrals.Page page) {
            StreamingOutput body = out -> FeedPageWriter.write(page.page(), mapper, out);
            Response.ResponseBuilder ok = Response.ok(body, MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.ETAG, page.etag());
            if (page.page().size() == limit) {
                ok.header(HttpHeaders.LINK, nextPage(uri, page.page().nextCursor(), limit));
            }
            return ok.build();
        }
        return Response.notModified().header(HttpHeaders.ETAG, result.etag()).build();
    }

    /**
     * A path-absolute reference (the request's own path): right behind a proxy that keeps the path, and resolved the
     * same way by every client (a query-only reference is not: java.net.URI resolves it against the directory).
     * The cursor is base64url and the limit a number: nothing to escape.
     */
    private static String nextPage(UriInfo uri, String cursor, int limit) {
        return "<" + uri.getAbsolutePath().getRawPath() + "?after=" + cursor + "&limit=" + limit + ">; rel=\"next\"";
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getLaReferral", summary = "One referral addressed to your authority")
    @APIResponse(responseCode = "200", description = "The referral",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReferralDocument.class)))
    public ReferralDocument getLaReferral(@PathParam("id") UUID id) {
        return ReferralDocument.of(service.get(user.localAuthorityScope(), id));
    }

    @POST
    @Path("/{id}/acknowledgement")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "acknowledgeReferral", summary = "Acknowledge receipt (idempotent)",
            description = "The first acknowledgement stands; repeating it returns the same acknowledgement and changes nothing.")
    @APIResponse(responseCode = "200", description = "Acknowledged",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AcknowledgementView.class)))
    public AcknowledgementView acknowledgeReferral(@PathParam("id") UUID id, @Valid AcknowledgementRequest request) {
        return AcknowledgementView.of(
                service.acknowledge(user.localAuthorityScope(), id, request == null ? null : request.laReference()));
    }

    @POST
    @Path("/{id}/outcomes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordReferralOutcome", summary = "Send back a front-door decision",
            description = "contactOutcome, referralOutcome and/or s47Outcome from the vocabulary; each call is kept, in order.")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OutcomeView.class)))
    public Response recordReferralOutcome(@PathParam("id") UUID id, @NotNull @Valid OutcomeRequest request) {
        return Response.status(Response.Status.CREATED).entity(
                OutcomeView.of(service.recordOutcome(user.localAuthorityScope(), id, request.toCommand()))).build();
    }
}
