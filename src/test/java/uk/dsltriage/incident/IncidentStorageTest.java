package uk.dsltriage.incident;

import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static uk.dsltriage.support.StoredRows.components;
import static uk.dsltriage.support.StoredRows.fieldNames;
import static uk.dsltriage.support.StoredRows.fixture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import uk.dsltriage.common.LenientJsonOracle;
import uk.dsltriage.common.StoredRecordException;
import uk.dsltriage.rules.Recommendation;
import uk.dsltriage.support.Persona;
import uk.dsltriage.support.Tokens;
import uk.dsltriage.triage.RuleSets;
import uk.dsltriage.triage.TriageService;
import uk.dsltriage.triage.TriageStorage;
import uk.dsltriage.triage.facts.TriageFactsBody;
import uk.dsltriage.vocabulary.IncidentType;

/**
 * An incident's facts, an addendum's revised facts and an incident's image metadata are versioned storage records,
 * read strictly. The fixtures under {@code stored-rows/} are rows exactly as the code before storage versions wrote
 * them (main at de96584: intake, an addendum with revised facts and one with a facts patch, read back from PostgreSQL
 * as text), each with the recommendation recorded from it. That code wrote the facts value's JSON leaving nulls out,
 * and the shape only ever gained fields (facts added to the vocabulary), so these rows stand for every older row too.
 */
@QuarkusTest
class IncidentStorageTest {

    private static final List<String> FACTS_ROWS = List.of("incident-facts-full", "incident-facts-minimal",
            "addendum-revised-facts-1", "addendum-revised-facts-2");
    private static final List<String> IMAGE_METADATA_ROWS = List.of("incident-image-metadata-full",
            "incident-image-metadata-minimal");

    /**
     * Rows inserted here are closed and in a school of their own: jobs over every open incident (re-triage under a
     * new release) and queues of the test schools must never meet them.
     */
    private static final String SCHOOL = "100091";

    @Inject
    IncidentStorage storage;
    @Inject
    LenientJsonOracle json;
    @Inject
    ObjectMapper mapper;
    @Inject
    TriageService triage;
    @Inject
    TriageStorage triageStorage;
    @Inject
    RuleSets ruleSets;
    @Inject
    EntityManager em;

    // ---- rows written before storage versions (format 1)

    @Test
    void factsStoredBeforeReadAsTheyDidAndReplayToTheirRecommendation() {
        for (String row : FACTS_ROWS) {
            String stored = fixture(row + ".json");
            TriageFactsBody facts = readFacts(stored);
            // What the lenient reader of that code made of the row: the same value, nothing lost or defaulted.
            assertEquals(json.read(stored, TriageFactsBody.class), facts, row);
            Recommendation recorded = triageStorage.readResult(fixture(row + ".result.json")).toRecommendation();
            Recommendation replayed = triage.evaluate(ruleSets.find(recorded.ruleSetId(), recorded.ruleSetVersion())
                    .orElseThrow(), facts);
            assertEquals(recorded, replayed, row + " replays to the recommendation recorded from it");
        }
    }

    @Test
    void imageMetadataStoredBeforeReadsAsItDid() {
        for (String row : IMAGE_METADATA_ROWS) {
            String stored = fixture(row + ".json");
            assertEquals(json.read(stored, ImageMetadataBody.class), storage.readImageMetadata(UUID.randomUUID(), stored), row);
        }
        assertNull(storage.readImageMetadata(UUID.randomUUID(), null), "no metadata stays none");
    }

    @Test
    void theFormatOneFactNamesAreFactsStill() {
        // A fact renamed in the facts value would leave format-1 rows naming it unreadable: that needs an upgrade step.
        Set<String> facts = Arrays.stream(uk.dsltriage.triage.facts.FactsBody.class.getRecordComponents())
                .filter(c -> c.getType() == Boolean.class)
                .map(java.lang.reflect.RecordComponent::getName).collect(Collectors.toSet());
        assertEquals(Set.of(), new TreeSet<>(StoredIncidentFacts.V1_FACT_NAMES).stream()
                .filter(name -> !facts.contains(name)).collect(Collectors.toSet()));
    }

    @Test
    void anIncidentStoredBeforeIsServedAsItWas() throws Exception {
        String stored = fixture("incident-facts-full.json");
        String metadata = fixture("incident-image-metadata-full.json");
        UUID id = insertIncident(stored, metadata);
        String body = dsl().get("/api/v1/incidents/" + id).then().statusCode(200).extract().asString();
        JsonNode view = mapper.readTree(body);
        assertEquals(mapper.readTree(json.write(json.read(stored, TriageFactsBody.class))), view.get("facts"));
        assertEquals(view.get("facts"), view.get("currentFacts"));
        assertEquals(mapper.readTree(json.write(json.read(metadata, ImageMetadataBody.class))), view.get("imageMetadata"));
    }

    @Test
    void aDamagedRowIsAServerFaultNeverTheCallersInput() {
        ObjectNode renamed = tree(fixture("incident-facts-full.json"));
        ((ObjectNode) renamed.get("facts")).set("imagesShared", ((ObjectNode) renamed.get("facts")).remove("imagesInvolved"));
        UUID id = insertIncident(renamed.toString(), null);
        dsl().get("/api/v1/incidents/" + id).then().statusCode(500)
                .contentType("application/problem+json").body("type", endsWith("/internal-error"));
    }

    // ---- rows written now (format 2)

    @Test
    void factsAreWrittenWithEveryFieldAndAVersionAndReadBackTheSame() {
        for (String row : FACTS_ROWS) {
            TriageFactsBody facts = json.read(fixture(row + ".json"), TriageFactsBody.class);
            ObjectNode written = tree(storage.writeFacts(facts));
            assertEquals(2, written.get("storageVersion").intValue());
            assertEquals(components(StoredIncidentFacts.class), fieldNames(written));
            if (written.get("participants").size() > 0) {
                assertEquals(components(StoredIncidentFacts.Participant.class), fieldNames(written.get("participants").get(0)));
            }
            assertEquals(facts, readFacts(written.toString()), row);
        }
    }

    @Test
    void nullAndEmptyStayApart() {
        TriageFactsBody bare = new TriageFactsBody(java.time.OffsetDateTime.parse("2026-11-20T10:15:00Z"),
                List.of(IncidentType.OTHER), null, null, null, null, null, null);
        assertEquals(bare, readFacts(storage.writeFacts(bare)));
        TriageFactsBody empty = new TriageFactsBody(bare.occurredAt(), bare.incidentTypes(), null, null, List.of(),
                json.read("{\"unexplainedAbsenceDays\": 4}", uk.dsltriage.triage.facts.FactsBody.class),
                null, null);
        assertEquals(empty, readFacts(storage.writeFacts(empty)));
        TriageFactsBody noneKnown = new TriageFactsBody(bare.occurredAt(), bare.incidentTypes(), null, null, null,
                json.read("{}", uk.dsltriage.triage.facts.FactsBody.class), null, null);
        assertNotNull(readFacts(storage.writeFacts(noneKnown)).facts(), "facts with none known are not no facts");
        assertNull(readFacts(storage.writeFacts(bare)).participants());
    }

    @Test
    void imageMetadataIsWrittenWithEveryFieldAndAVersionAndReadBackTheSame() {
        for (String row : IMAGE_METADATA_ROWS) {
            ImageMetadataBody metadata = json.read(fixture(row + ".json"), ImageMetadataBody.class);
            ObjectNode written = tree(storage.writeImageMetadata(metadata));
            assertEquals(2, written.get("storageVersion").intValue());
            assertEquals(components(StoredImageMetadata.class), fieldNames(written));
            assertEquals(metadata, storage.readImageMetadata(UUID.randomUUID(), written.toString()), row);
        }
        assertNull(storage.writeImageMetadata(null));
    }

    // ---- strictness: a missing, renamed or unknown field, or an unknown version, is an error, never a null

    @Test
    void currentFactsRefuseMissingRenamedAndUnknownFieldsAndUnknownVersions() {
        ObjectNode current = tree(storage.writeFacts(json.read(fixture("incident-facts-full.json"), TriageFactsBody.class)));
        refusedFacts(current, c -> c.remove("victimWishes"));
        refusedFacts(current, c -> c.set("wishes", c.remove("victimWishes")));
        refusedFacts(current, c -> c.put("notes", "x"));
        refusedFacts(current, c -> ((ObjectNode) c.get("participants").get(0)).remove("hasSEND"));
        refusedFacts(current, c -> ((ObjectNode) c.get("participants").get(0)).put("name", "x"));
        refusedFacts(current, c -> ((ObjectNode) c.get("reporter")).remove("isDsl"));
        refusedFacts(current, c -> ((ObjectNode) c.get("facts")).set("imagesShared", ((ObjectNode) c.get("facts")).remove("imagesInvolved")));
        refusedFacts(current, c -> ((ObjectNode) c.get("facts")).putNull("oneOff"));
        refusedFacts(current, c -> c.putNull("occurredAt"));
        refusedFacts(current, c -> ((ObjectNode) c.get("participants").get(0)).putNull("role"));
        refusedFacts(current, c -> c.put("storageVersion", 99));
        refusedFacts(current, c -> c.put("storageVersion", 1));
        refusedFacts(current, c -> c.put("storageVersion", "2"));
        assertThrows(StoredRecordException.class, () -> readFacts("[]"));
        assertThrows(StoredRecordException.class, () -> readFacts("{"));
        assertThrows(StoredRecordException.class, () -> readFacts(null));
    }

    @Test
    void formatOneFactsRefuseRenamedAndUnknownFieldsAndWhatWasAlwaysWritten() {
        ObjectNode legacy = tree(fixture("incident-facts-full.json"));
        refusedFacts(legacy, c -> ((ObjectNode) c.get("facts")).set("imagesShared", ((ObjectNode) c.get("facts")).remove("imagesInvolved")));
        refusedFacts(legacy, c -> c.set("wishes", c.remove("victimWishes")));
        refusedFacts(legacy, c -> ((ObjectNode) c.get("participants").get(0)).set("SEND", ((ObjectNode) c.get("participants").get(0)).remove("hasSEND")));
        refusedFacts(legacy, c -> c.remove("occurredAt"));
        refusedFacts(legacy, c -> c.remove("incidentTypes"));
        refusedFacts(legacy, c -> ((ObjectNode) c.get("participants").get(0)).remove("role"));
        refusedFacts(legacy, c -> ((ObjectNode) c.get("facts")).put("imagesInvolved", "yes"));
        refusedFacts(legacy, c -> ((ObjectNode) c.get("facts")).put("unexplainedAbsenceDays", true));
    }

    @Test
    void imageMetadataRefusesMissingRenamedAndUnknownFieldsAndUnknownVersions() {
        ObjectNode current = tree(storage.writeImageMetadata(json.read(fixture("incident-image-metadata-full.json"),
                ImageMetadataBody.class)));
        refusedMetadata(current, c -> c.remove("platformName"));
        refusedMetadata(current, c -> c.set("platform", c.remove("platformName")));
        refusedMetadata(current, c -> c.put("description", "x"));
        refusedMetadata(current, c -> ((ObjectNode) c.get("imageCategory")).remove("reference"));
        refusedMetadata(current, c -> ((ObjectNode) c.get("imageCategory")).putNull("assignedBy"));
        refusedMetadata(current, c -> c.put("storageVersion", 3));
        ObjectNode legacy = tree(fixture("incident-image-metadata-full.json"));
        refusedMetadata(legacy, c -> c.set("platform", c.remove("platformName")));
        refusedMetadata(legacy, c -> c.put("description", "x"));
        refusedMetadata(legacy, c -> ((ObjectNode) c.get("imageCategory")).remove("assignedBy"));
    }

    // ---- helpers

    private TriageFactsBody readFacts(String stored) {
        return storage.readFacts(IncidentStorage.FACTS, UUID.randomUUID(), stored);
    }

    private void refusedFacts(ObjectNode row, java.util.function.Consumer<ObjectNode> change) {
        refused(row, change, text -> readFacts(text));
    }

    private void refusedMetadata(ObjectNode row, java.util.function.Consumer<ObjectNode> change) {
        refused(row, change, text -> storage.readImageMetadata(UUID.randomUUID(), text));
    }

    private static void refused(ObjectNode row, java.util.function.Consumer<ObjectNode> change,
            java.util.function.Consumer<String> read) {
        ObjectNode changed = row.deepCopy();
        change.accept(changed);
        Executable reading = () -> read.accept(changed.toString());
        assertThrows(StoredRecordException.class, reading, changed::toString);
    }

    @Transactional
    UUID insertIncident(String facts, String imageMetadata) {
        Incident incident = new Incident();
        incident.id = UUID.randomUUID();
        incident.schoolUrn = SCHOOL;
        incident.status = IncidentStatus.CLOSED;
        incident.recordedBy = Persona.STAFF_A.actor();
        incident.recordedAt = Instant.now();
        incident.awaitingSince = incident.recordedAt;
        incident.occurredAt = Instant.parse("2026-11-20T09:15:00Z");
        incident.location = Location.ONLINE;
        incident.account = "A row as stored before storage versions.";
        incident.factsJson = facts;
        incident.imageMetadataJson = imageMetadata;
        incident.types = new LinkedHashSet<>(List.of(IncidentType.SEXTORTION));
        em.persist(incident);
        return incident.id;
    }

    private static io.restassured.specification.RequestSpecification dsl() {
        return io.restassured.RestAssured.given().auth().oauth2(Tokens.forSchool("dsl-storage", SCHOOL, "dsl"))
                .accept(io.restassured.http.ContentType.JSON);
    }

    private ObjectNode tree(String text) {
        try {
            return (ObjectNode) mapper.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
