package uk.dsltriage.incident.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.dsltriage.incident.ImageMetadataBody;
import uk.dsltriage.incident.Location;
import uk.dsltriage.triage.facts.AttestationBody;
import uk.dsltriage.triage.facts.ParticipantBody;
import uk.dsltriage.triage.facts.ReporterBody;
import uk.dsltriage.triage.facts.TriageFactsBody;
import uk.dsltriage.vocabulary.IncidentType;
import uk.dsltriage.vocabulary.ParticipantRole;
import uk.dsltriage.vocabulary.SexualViolenceType;
import uk.dsltriage.vocabulary.StaffRole;
import uk.dsltriage.vocabulary.VictimWishes;

/**
 * The Idempotency-Key fingerprint is the SHA-256 of the command's JSON, and rows recorded before commands existed hold
 * the fingerprint of the request's JSON: the two must be the same text, or a retry would be refused as a new call.
 */
class CommandFingerprintTest {

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void recordingWritesTheRequestsJson() throws Exception {
        RecordIncidentRequest request = new RecordIncidentRequest(
                OffsetDateTime.of(2026, 3, 3, 10, 15, 0, 0, ZoneOffset.ofHours(1)), Location.ONLINE, "account", "voice",
                List.of(IncidentType.values()[0]), SexualViolenceType.values()[0], VictimWishes.values()[0],
                List.of(new ParticipantBody("P1", ParticipantRole.values()[0], 14, true, false, StaffRole.values()[0],
                        true, false, false, true, false, true, true)),
                null, new ReporterBody(true, false), new AttestationBody(true, false, null),
                new ImageMetadataBody(true, "IWF-2026-001234", false, null, true, "Snapchat", null,
                        ImageMetadataBody.DeviceCustody.POLICE, ImageMetadataBody.ImageDescriptorSource.CHILD_ACCOUNT,
                        null));
        assertEquals(json.writeValueAsString(request), json.writeValueAsString(request.toCommand()));
    }

    @Test
    void anAddendumWritesTheRequestsJson() throws Exception {
        TriageFactsBody revised = new TriageFactsBody(OffsetDateTime.of(2026, 3, 3, 10, 15, 0, 0, ZoneOffset.UTC),
                List.of(IncidentType.values()[1]), null, null, List.of(), null, null, null);
        AddAddendumRequest request = new AddAddendumRequest("more", revised,
                json.readTree("{\"facts\":{\"oneOff\":true}}"));
        assertEquals(json.writeValueAsString(request), json.writeValueAsString(request.toCommand()));
    }
}
