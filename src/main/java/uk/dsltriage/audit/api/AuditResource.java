package uk.dsltriage.audit.api;

import uk.dsltriage.common.WireLimits;
import jakarta.validation.constraints.Size;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.dsltriage.audit.AuditAction;
import uk.dsltriage.audit.AuditQuery;
import uk.dsltriage.audit.AuditTrail;
import uk.dsltriage.audit.CanonicalEvent;
import uk.dsltriage.audit.ObjectKind;
import uk.dsltriage.common.problem.ProblemException;
import uk.dsltriage.security.AccessScope;
import uk.dsltriage.security.CurrentUser;
import uk.dsltriage.security.Roles;

@Path("/api/v1/audit")
@Tag(name = "Audit", description = "The hash-chained audit trail of the caller's school or local authority")
@RolesAllowed(Roles.AUDITOR)
public class AuditResource {

    static final String NDJSON = "application/x-ndjson";
    private static final Pattern CURSOR = Pattern.compile("[1-9][0-9]{0,17}");
    private static final Pattern OBJECT_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final int MAX_ACTOR = 600;

    private final AuditTrail trail;
    private final CurrentUser user;

    public AuditResource(AuditTrail trail, CurrentUser user) {
        this.trail = trail;
        this.user = user;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "searchAudit", summary = "Audit events of your school or local authority, newest first",
            description = "Filters combine; paging by cursor. Every search is itself audited.")
    @APIResponse(responseCode = "200", description = "A page of audit events",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditPageView.class)))
    public AuditPageView search(
            @QueryParam("objectKind") @Parameter(description = "INCIDENT or AUDIT_CHAIN") @Size(max = 32) String objectKind,
            @QueryParam("objectId") @Parameter(description = "Id of the record") @Size(max = WireLimits.CODE) String objectId,
            @QueryParam("actor") @Parameter(description = "Issuer and subject, as in the events") @Size(max = WireLimits.ACTOR) String actor,
            @QueryParam("action") @Parameter(description = "An audit action, such as INCIDENT_READ") @Size(max = WireLimits.CODE) String action,
            @QueryParam("from") @Parameter(description = "At or after this time (ISO-8601 with offset)") @Size(max = WireLimits.DATE_TIME) String from,
            @QueryParam("to") @Parameter(description = "Before this time (ISO-8601 with offset)") @Size(max = WireLimits.DATE_TIME) String to,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") @Size(max = WireLimits.CURSOR) String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(AuditTrail.MAX_PAGE)
            @Parameter(description = "1 to 200, default 50") int limit) {
        AccessScope scope = auditorScope();
        AuditQuery query = new AuditQuery(
                enumValue("objectKind", objectKind, ObjectKind.class),
                checked("objectId", objectId, OBJECT_ID, "letters, digits and '-', at most 64"),
                actor(actor),
                enumValue("action", action, AuditAction.class),
                time("from", from), time("to", to));
        Long before = cursor == null ? null : Long.valueOf(checked("cursor", cursor, CURSOR, "a cursor returned by an earlier page"));
        AuditTrail.Page page = trail.search(scope, query, before, limit);
        return new AuditPageView(page.items().stream().map(AuditEventView::of).toList(),
                page.nextBeforeId() == null ? null : page.nextBeforeId().toString());
    }

    @GET
    @Path("/verify")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "verifyAudit", summary = "Recompute your chain and report the first broken event",
            description = "From the first event at or after from to the last at or before to (both optional); without to, the chain's end is checked against its head, so deleted last events are found too.")
    @APIResponse(responseCode = "200", description = "The verification result",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VerificationView.class)))
    public VerificationView verify(
            @QueryParam("from") @Parameter(description = "ISO-8601 time with offset") @Size(max = WireLimits.DATE_TIME) String from,
            @QueryParam("to") @Parameter(description = "ISO-8601 time with offset") @Size(max = WireLimits.DATE_TIME) String to) {
        return VerificationView.of(trail.verify(auditorScope(), time("from", from), time("to", to)));
    }

    @GET
    @Path("/export")
    @Produces(NDJSON)
    @Operation(operationId = "exportAudit", summary = "Your whole chain as JSON lines, for verification by an outside party",
            description = "One line per event in chain order: {\"event\":{...canonical content...},\"hash\":\"...\",\"id\":N}. The hash is the SHA-256 of the canonical JSON of event; see examples/verify-audit-export.py.")
    @APIResponse(responseCode = "200", description = "JSON lines", content = @Content(mediaType = NDJSON))
    public StreamingOutput export() {
        AccessScope scope = auditorScope();
        return out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.US_ASCII));
            try {
                trail.export(scope, e -> {
                    try {
                        writer.write("{\"event\":" + CanonicalEvent.json(e) + ",\"hash\":\"" + e.hash() + "\",\"id\":" + e.id() + "}\n");
                    } catch (IOException io) {
                        throw new UncheckedIOException(io);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            writer.flush();
        };
    }

    private AccessScope auditorScope() {
        return user.schoolUrn().isPresent() || user.laCode().isEmpty() ? user.schoolScope() : user.localAuthorityScope();
    }

    private static String actor(String value) {
        if (value != null && (value.isBlank() || value.length() > MAX_ACTOR || value.chars().anyMatch(c -> c < 0x20))) {
            throw ProblemException.invalid("actor", "at most " + MAX_ACTOR + " characters, no control characters");
        }
        return value;
    }

    private static String checked(String field, String value, Pattern valid, String rule) {
        if (value != null && !valid.matcher(value).matches()) {
            throw ProblemException.invalid(field, rule);
        }
        return value;
    }

    private static <E extends Enum<E>> E enumValue(String field, String value, Class<E> type) {
        if (value == null) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(value)).findFirst()
                .orElseThrow(() -> ProblemException.invalid(field, "one of " + Arrays.toString(type.getEnumConstants())));
    }

    private static Instant time(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            Instant at = OffsetDateTime.parse(value).toInstant();
            if (at.getEpochSecond() < -62_135_596_800L || at.getEpochSecond() > 253_402_300_799L) {
                throw ProblemException.invalid(field, "a time between years 1 and 9999");
            }
            return at;
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "an ISO-8601 time with offset, such as 2026-09-01T09:00:00Z");
        }
    }
}
