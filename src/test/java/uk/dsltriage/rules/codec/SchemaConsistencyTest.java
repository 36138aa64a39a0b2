package uk.dsltriage.rules.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import uk.dsltriage.rules.CitationStatus;
import uk.dsltriage.vocabulary.ForbiddenAction;
import uk.dsltriage.vocabulary.IncidentType;
import uk.dsltriage.rules.KnownFacts;
import uk.dsltriage.rules.ParticipantAttribute;
import uk.dsltriage.vocabulary.ParticipantRole;
import uk.dsltriage.vocabulary.RequiredAction;
import uk.dsltriage.vocabulary.Route;
import uk.dsltriage.vocabulary.SexualViolenceType;
import uk.dsltriage.vocabulary.StaffRole;
import uk.dsltriage.rules.UnknownPolicy;
import uk.dsltriage.vocabulary.Urgency;
import uk.dsltriage.vocabulary.VictimWishes;

/** The schema's closed vocabularies are exactly the engine's enums and facts. */
class SchemaConsistencyTest {

    private static final JsonNode DEFS = readSchema().path("$defs");

    private static JsonNode readSchema() {
        try {
            return new ObjectMapper().readTree(RuleSetLoaderTest.bytes(RuleSetLoader.SCHEMA));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> schemaEnum(String def) {
        List<String> values = new ArrayList<>();
        DEFS.path(def).path("enum").forEach(v -> values.add(v.asText()));
        return values;
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    @Test
    void enumsMatch() {
        assertEquals(names(IncidentType.values()), schemaEnum("incidentType"));
        assertEquals(names(SexualViolenceType.values()), schemaEnum("sexualViolenceType"));
        assertEquals(names(VictimWishes.values()), schemaEnum("victimWishes"));
        assertEquals(names(ParticipantRole.values()), schemaEnum("participantRole"));
        assertEquals(names(StaffRole.values()), schemaEnum("staffRole"));
        assertEquals(names(Route.values()), schemaEnum("route"));
        assertEquals(names(Urgency.values()), schemaEnum("urgency"));
        assertEquals(names(RequiredAction.values()), schemaEnum("requiredAction"));
        assertEquals(names(ForbiddenAction.values()), schemaEnum("forbiddenAction"));
        assertEquals(names(CitationStatus.values()), schemaEnum("citationStatus"));
        assertEquals(names(UnknownPolicy.values()), schemaEnum("unknownPolicy"));
    }

    @Test
    void factsMatch() {
        assertEquals(KnownFacts.BOOLEAN_FACTS, schemaEnum("factName"));
        assertEquals(KnownFacts.DERIVED_BOOLEAN_FACTS, schemaEnum("derivedBooleanName"));
        assertEquals(KnownFacts.NUMBERS, schemaEnum("numberName"));
        assertEquals(Arrays.stream(ParticipantAttribute.values()).map(ParticipantAttribute::jsonName).toList(),
                schemaEnum("participantAttribute"));
    }

    @Test
    void operatorSetIsClosedAndTheSameAtEveryLevel() {
        Set<String> expected = new TreeSet<>(List.of("all", "any", "not", "definitely", "possibly", "anyParticipant",
                "noParticipant", "always", "factTrue", "factFalse", "factUnknown", "factNotFalse", "derivedTrue",
                "derivedFalse", "incidentTypeIn", "sexualViolenceTypeIn", "victimWishesIn", "number", "reporterIsDsl",
                "reporterIsTeacher", "attestationComplete", "flagEnabled", "ref"));
        for (int level = 1; level < RuleSetLoader.MAX_CONDITION_DEPTH; level++) {
            JsonNode c = DEFS.path("condition" + level);
            assertEquals(false, c.path("additionalProperties").asBoolean(true));
            Set<String> ops = new TreeSet<>();
            c.path("properties").fieldNames().forEachRemaining(ops::add);
            assertEquals(expected, ops, "condition" + level);
        }
    }
}
