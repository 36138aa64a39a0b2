package uk.dsltriage.referral.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.dsltriage.support.StoredRows.fixture;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.dsltriage.common.LenientJsonOracle;
import uk.dsltriage.common.StoredRecordException;
import uk.dsltriage.common.StoredRecords;

/**
 * The plaintexts of the child identity, read strictly: the {@code details} value of the four-value layout (before
 * V16, still written for replicas of the previous version) and the one value of V16. The fixtures under
 * {@code stored-rows/} are the plaintexts exactly as the code wrote them (the API's JSON, nulls left out: the details
 * as {@code ChildIdentityVault} wrote them since 496d699, whose shape has not changed; the one value as
 * {@code ChildView} writes it). {@code IdentityLayoutTest} reads such rows through the database and the encryption.
 */
class IdentityPlaintextTest {

    private static final ObjectMapper API = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).setSerializationInclusion(JsonInclude.Include.NON_NULL);
    private final StoredRecords records = new StoredRecords(API);
    private final LenientJsonOracle before = new LenientJsonOracle(API);

    static final ChildIdentity FULL = new ChildIdentity("Zoë", "O'Brien-Ünal", LocalDate.of(2012, 9, 14),
            new ChildIdentity.Details(List.of("Zo", "Zoe Smith"), "Female", "White and Black Caribbean", "English",
                    "2 Test Lane, Testtown, TT1 2AB", "A12345678901B", "9434765919",
                    List.of(new ChildIdentity.HouseholdMember("Kim O'Brien", "Mother", true, true),
                            new ChildIdentity.HouseholdMember("Lee Smith", "Stepfather", null, true))));
    static final ChildIdentity MINIMAL = new ChildIdentity("Sam", "Example", LocalDate.of(2014, 1, 31),
            new ChildIdentity.Details(List.of(), null, null, null, null, null, null, List.of()));

    @ParameterizedTest
    @ValueSource(strings = {"full", "minimal"})
    void fourValueDetailsReadAsWrittenAndACorruptedOneIsRefused(String row) throws Exception {
        String stored = fixture("child-identity-details-" + row + ".json");
        ChildIdentity.Details expected = (row.equals("full") ? FULL : MINIMAL).details();
        assertEquals(expected, details(stored));
        assertEquals(before.read(stored, ChildIdentity.Details.class), details(stored), "as the lenient reader read it");
        assertEquals(stored, records.writeAsApi(LayoutOneDetails.of(expected)), "still written byte for byte as before");

        ObjectNode tree = (ObjectNode) API.readTree(stored);
        refused(this::details, LayoutOneDetails.COLUMN, tree, t -> t.put("nhs", "x"));
        refused(this::details, LayoutOneDetails.COLUMN, tree, t -> t.set("alias", t.remove("aliases")));
        refused(this::details, LayoutOneDetails.COLUMN, tree, t -> t.remove("household"));
        refused(this::details, LayoutOneDetails.COLUMN, tree, t -> t.putArray("aliases").addNull());
        refused(this::details, LayoutOneDetails.COLUMN, tree, t -> t.putArray("household").addObject().put("name", "x"));
        refused(this::details, LayoutOneDetails.COLUMN, tree, t -> t.put("storageVersion", 2));
        refused(this::details, LayoutOneDetails.COLUMN, tree, t -> t.put("givenName", "x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"full", "minimal"})
    void theOneValueReadsAsWrittenAndACorruptedOneIsRefused(String row) throws Exception {
        String stored = fixture("child-identity-sealed-" + row + ".json");
        String ref = row.equals("full") ? "C-1042.b" : "C-7";
        ChildIdentity expected = row.equals("full") ? FULL : MINIMAL;
        Function<String, ChildIdentity> read = json -> SealedChild.read(records, ref, json.getBytes(StandardCharsets.UTF_8));
        assertEquals(expected, read.apply(stored));
        assertEquals(before.read(stored, SealedChild.class).identity(), read.apply(stored), "as the lenient reader read it");
        assertEquals(stored, records.writeAsApi(SealedChild.of(ref, expected)), "still written byte for byte as before");

        ObjectNode tree = (ObjectNode) API.readTree(stored);
        refused(read, SealedChild.COLUMN, tree, t -> t.put("schoolUrn", "x"));
        refused(read, SealedChild.COLUMN, tree, t -> t.set("firstName", t.remove("givenName")));
        refused(read, SealedChild.COLUMN, tree, t -> t.remove("dateOfBirth"));
        refused(read, SealedChild.COLUMN, tree, t -> t.remove("aliases"));
        refused(read, SealedChild.COLUMN, tree, t -> t.putArray("household").addObject().put("relationship", "x"));
        refused(read, SealedChild.COLUMN, tree, t -> t.put("ref", "C-other"));
        refused(read, SealedChild.COLUMN, tree, t -> t.put("dateOfBirth", "14/09/2012"));
    }

    private ChildIdentity.Details details(String json) {
        return LayoutOneDetails.read(records, json.getBytes(StandardCharsets.UTF_8));
    }

    private static void refused(Function<String, ?> read, String column, ObjectNode row, Consumer<ObjectNode> change) {
        ObjectNode changed = row.deepCopy();
        change.accept(changed);
        var error = assertThrows(StoredRecordException.class, () -> read.apply(changed.toString()), changed::toString);
        assertTrue(error.getMessage().contains(column), error.getMessage());
        for (String value : List.of("Zoë", "Example", "9434765919", "14/09/2012", "Kim")) {
            assertFalse(error.getMessage().contains(value), error.getMessage());
        }
    }
}
