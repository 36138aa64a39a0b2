package uk.dsltriage.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.dsltriage.common.LenientJsonOracle;
import uk.dsltriage.rules.EvaluationError;
import uk.dsltriage.rules.Recommendation;
import uk.dsltriage.rules.RuleSet;
import uk.dsltriage.support.Fixtures;
import uk.dsltriage.support.Persona;
import uk.dsltriage.triage.api.RecommendationView;
import uk.dsltriage.triage.facts.TriageFactsBody;

/**
 * What triage stores is read strictly and by version: rows written before storage versions (format 1, the shapes the
 * code of that time wrote) still replay and show; a missing, renamed or unknown field is an error, never a null.
 */
@QuarkusTest
class TriageStorageTest {

    @Inject
    EntityManager em;
    @Inject
    TriageService triage;
    @Inject
    TriageStorage storage;
    @Inject
    RecommendationRepository recommendations;
    @Inject
    LenientJsonOracle json;
    @Inject
    ObjectMapper mapper;
    @Inject
    RuleSets ruleSets;

    private static final String FACTS = """
            { "occurredAt": "2026-11-20T10:15:00Z", "incidentTypes": ["SEXTORTION"], "sexualViolenceType": null,
              "victimWishes": null,
              "participants": [ { "ref": "P1", "role": "VICTIM", "ageYears": 15, "isPupilOfSetting": true, "depictedInImage": true } ],
              "facts": { "imagesInvolved": true, "childDepictedUnder18": true, "threatToShareImages": true, "financialDemand": true,
                         "unknownOnlineContact": true, "unexplainedAbsenceDays": 2 },
              "reporter": { "isTeacher": true, "isDsl": false },
              "dslAttestation": { "sufficientInformation": true, "risksManageableInSetting": false, "headteacherConsulted": null } }
            """;

    @Test
    void aRowWrittenInFormatOneStillReplaysAndShows() throws Exception {
        UUID incident = UUID.fromString(Persona.STAFF_A.request().body(Fixtures.incident()).post("/api/v1/incidents")
                .then().statusCode(201).extract().path("id"));
        TriageFactsBody body = json.read(FACTS, TriageFactsBody.class);
        RuleSet ruleSet = ruleSets.inForceAt(body.occurredAt().toInstant());
        Recommendation result = triage.evaluate(ruleSet, body);
        // As the code before storage versions stored them: the API's facts body, and the engine's result with its
        // errors as text.
        String legacyFacts = json.write(body);
        ObjectNode legacyResult = (ObjectNode) mapper.readTree(mapper.writeValueAsString(result));
        legacyResult.set("evaluationErrors", mapper.createArrayNode());
        JsonNode facts = mapper.readTree(legacyFacts);
        assertFalse(facts.has("storageVersion"));
        assertEquals(6, facts.get("facts").size(), "format 1 was written without nulls: " + facts.get("facts"));
        assertEquals(64, TriageStorage.V1_FACT_NAMES.size());

        UUID id = insertLegacyRow(incident, ruleSet, legacyFacts, legacyResult.toString());
        TriageRecommendation row = recommendations.findById(id);

        assertEquals(tree(storage.write(StoredResult.of(triage.storedResult(row)))),
                tree(storage.write(StoredResult.of(triage.replay(row)))), "a format-1 row replays to its stored result");
        assertEquals(result, triage.replay(row));
        RecommendationView view = RecommendationView.of(triage.recorded(row));
        assertEquals(Boolean.FALSE, view.dslAttestation().risksManageableInSetting());
        assertEquals(result.firedRules(), view.firedRules());
        assertEquals(List.of(1, 2), triage.history(incident).stream().map(RecordedRecommendation::sequence).toList());
    }

    @Test
    void formatOneErrorTextsBecomeValuesWithoutTheExceptionName() {
        assertEquals(new EvaluationError(EvaluationError.Code.INPUT_UNREADABLE, "input could not be read"),
                TriageStorage.v1Error("input could not be read (ClassCastException)"));
        assertEquals(new EvaluationError(EvaluationError.Code.RULE_FAILED, "R02: evaluation failed"),
                TriageStorage.v1Error("R02: evaluation failed (NullPointerException)"));
        assertEquals(new EvaluationError(EvaluationError.Code.NO_RULE_SET, "no rule set given"),
                TriageStorage.v1Error("no rule set given"));
        assertThrows(StoredFormatException.class, () -> TriageStorage.v1Error("something else"));
    }

    @Test
    void aMissingRenamedOrUnknownFieldIsAnErrorNeverANull() throws Exception {
        StoredFacts stored = StoredFacts.of(json.read(FACTS, TriageFactsBody.class));
        ObjectNode current = (ObjectNode) mapper.readTree(storage.write(stored));
        assertEquals(stored, storage.readFacts(current.toString()));

        ObjectNode missing = current.deepCopy();
        missing.remove("victimWishes");
        assertThrows(StoredFormatException.class, () -> storage.readFacts(missing.toString()));

        ObjectNode renamed = current.deepCopy();
        renamed.set("wishes", renamed.remove("victimWishes"));
        assertThrows(StoredFormatException.class, () -> storage.readFacts(renamed.toString()));

        ObjectNode participantFieldMissing = current.deepCopy();
        ((ObjectNode) participantFieldMissing.get("participants").get(0)).remove("hasSEND");
        assertThrows(StoredFormatException.class, () -> storage.readFacts(participantFieldMissing.toString()));

        ObjectNode future = current.deepCopy();
        future.put("storageVersion", 99);
        assertThrows(StoredFormatException.class, () -> storage.readFacts(future.toString()));

        ObjectNode legacy = (ObjectNode) mapper.readTree(json.write(json.read(FACTS, TriageFactsBody.class)));
        ObjectNode legacyFacts = (ObjectNode) legacy.get("facts");
        legacyFacts.set("imagesShared", legacyFacts.remove("imagesInvolved"));
        assertThrows(StoredFormatException.class, () -> storage.readFacts(legacy.toString()));

        ObjectNode result = (ObjectNode) mapper.readTree(storage.write(StoredResult.of(
                triage.evaluate(json.read(FACTS, TriageFactsBody.class)))));
        ObjectNode resultMissing = result.deepCopy();
        resultMissing.remove("missingFacts");
        assertThrows(StoredFormatException.class, () -> storage.readResult(resultMissing.toString()));
        ObjectNode firedRuleRenamed = result.deepCopy();
        ObjectNode firstFired = (ObjectNode) ((ArrayNode) firedRuleRenamed.get("firedRules")).get(0);
        firstFired.set("because", firstFired.remove("explanation"));
        assertThrows(StoredFormatException.class, () -> storage.readResult(firedRuleRenamed.toString()));
    }

    @Transactional
    UUID insertLegacyRow(UUID incident, RuleSet ruleSet, String factsJson, String resultJson) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("insert into triage_recommendation (id, incident_id, sequence, trigger, rule_set_id, "
                + "rule_set_version, rule_set_sha256, facts_snapshot, result, urgency, created_by, created_at) "
                + "values (?1, ?2, 2, 'ADDENDUM', ?3, ?4, ?5, cast(?6 as jsonb), cast(?7 as jsonb), 'IMMEDIATE', 'test', ?8)")
                .setParameter(1, id).setParameter(2, incident).setParameter(3, ruleSet.ruleSetId())
                .setParameter(4, ruleSet.version()).setParameter(5, ruleSet.sha256()).setParameter(6, factsJson)
                .setParameter(7, resultJson).setParameter(8, Instant.now()).executeUpdate();
        return id;
    }

    private JsonNode tree(String text) throws Exception {
        return mapper.readTree(text);
    }
}
