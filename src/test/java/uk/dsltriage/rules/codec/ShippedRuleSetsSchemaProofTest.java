package uk.dsltriage.rules.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.dsltriage.rules.RuleSet;

/**
 * The build-time proof that lets the service skip the JSON-schema validator at start for the rule files it ships
 * ({@code rulesets/schema-verified.sha256}): every shipped file passes the full validation here, and the proof names
 * exactly these bytes under exactly this schema. After changing a rule file or the schema, write the proof again with
 * {@code mvn -B -o test -Dtest=ShippedRuleSetsSchemaProofTest -Drulesets.proof.update=true} and commit it.
 */
class ShippedRuleSetsSchemaProofTest {

    private static final String DIRECTORY = "rulesets";
    private static final Path PROOF_SOURCE = Path.of("src/main/resources", DIRECTORY, RuleSetLoader.SCHEMA_PROOF);
    private static final String PROVED_FILE = "england-schools-2025.1.json";

    @Test
    void everyShippedRuleFileIsValidAgainstTheSchemaAndTheProofNamesExactlyThem() throws IOException {
        Map<String, byte[]> files = shippedFiles();
        // The full validation (schema included) of every file the proof will vouch for: a file that fails stops here.
        files.forEach((name, content) -> RuleSetLoader.parse(DIRECTORY + "/" + name, content));
        String expected = RuleSetLoader.schemaProof(bytes(RuleSetLoader.SCHEMA), files);
        if (Boolean.getBoolean("rulesets.proof.update")) {
            Files.writeString(PROOF_SOURCE, expected, StandardCharsets.UTF_8);
        }
        assertEquals(expected, new String(bytes(DIRECTORY + "/" + RuleSetLoader.SCHEMA_PROOF), StandardCharsets.UTF_8),
                "the rule files or the schema changed: write the proof again with mvn -B -o test "
                        + "-Dtest=ShippedRuleSetsSchemaProofTest -Drulesets.proof.update=true");
    }

    @Test
    void aRuleFileThatDiffersFromTheProofIsValidatedInFull() {
        ClassLoader cl = serving(Map.of(DIRECTORY + "/" + PROVED_FILE, outsideTheSchema()));
        var e = assertThrows(RuleSetLoadException.class, () -> RuleSetLoader.loadFromClasspath(cl));
        assertTrue(e.getMessage().contains("does not match " + RuleSetLoader.SCHEMA), e.getMessage());
    }

    @Test
    void aProofMadeUnderAnotherSchemaProvesNothing() throws IOException {
        byte[] file = outsideTheSchema();
        String proofUnderAnotherSchema = RuleSetLoader.schemaProof("{}".getBytes(StandardCharsets.UTF_8),
                Map.of(PROVED_FILE, file));
        ClassLoader cl = serving(Map.of(DIRECTORY + "/" + PROVED_FILE, file,
                DIRECTORY + "/" + RuleSetLoader.SCHEMA_PROOF, proofUnderAnotherSchema.getBytes(StandardCharsets.UTF_8)));
        var e = assertThrows(RuleSetLoadException.class, () -> RuleSetLoader.loadFromClasspath(cl));
        assertTrue(e.getMessage().contains("does not match " + RuleSetLoader.SCHEMA), e.getMessage());
    }

    /**
     * What the proof is trusted for: bytes it names skip the schema check (the other checks still run). This is why the
     * first test must hold for the proof that ships, and why the proof names each file's exact bytes.
     */
    @Test
    void bytesTheProofNamesSkipOnlyTheSchemaCheck() throws IOException {
        byte[] file = outsideTheSchema();
        String forged = RuleSetLoader.schemaProof(bytes(RuleSetLoader.SCHEMA), Map.of(PROVED_FILE, file));
        ClassLoader cl = serving(Map.of(DIRECTORY + "/" + PROVED_FILE, file,
                DIRECTORY + "/" + RuleSetLoader.SCHEMA_PROOF, forged.getBytes(StandardCharsets.UTF_8)));
        List<RuleSet> loaded = RuleSetLoader.loadFromClasspath(cl);
        assertEquals(RuleSetLoader.sha256(file), loaded.get(0).sha256());

        // Valid against the schema, refused by the loader's own consistency checks: two rules with one id.
        String duplicateRuleId = new String(file, StandardCharsets.UTF_8).replace("\"id\": \"R01\"", "\"id\": \"R00\"");
        assertTrue(!duplicateRuleId.contains("\"id\": \"R01\""));
        byte[] inconsistent = duplicateRuleId.getBytes(StandardCharsets.UTF_8);
        String forgedToo = RuleSetLoader.schemaProof(bytes(RuleSetLoader.SCHEMA), Map.of(PROVED_FILE, inconsistent));
        ClassLoader cl2 = serving(Map.of(DIRECTORY + "/" + PROVED_FILE, inconsistent,
                DIRECTORY + "/" + RuleSetLoader.SCHEMA_PROOF, forgedToo.getBytes(StandardCharsets.UTF_8)));
        var e = assertThrows(RuleSetLoadException.class, () -> RuleSetLoader.loadFromClasspath(cl2));
        assertTrue(e.getMessage().contains("duplicate rule id R00"), e.getMessage());
    }

    /** A shipped rule file with one property the schema does not allow (and nothing else changed). */
    private static byte[] outsideTheSchema() {
        String json = new String(bytes(DIRECTORY + "/" + PROVED_FILE), StandardCharsets.UTF_8);
        String changed = json.replaceFirst("\\{", "{\n  \"notInTheSchema\": true,");
        assertTrue(!changed.equals(json));
        return changed.getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, byte[]> shippedFiles() throws IOException {
        JsonNode index = new ObjectMapper().readTree(bytes(RuleSetLoader.INDEX));
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (JsonNode name : index) {
            files.put(name.asText(), bytes(DIRECTORY + "/" + name.asText()));
        }
        return files;
    }

    private static ClassLoader serving(Map<String, byte[]> replaced) {
        return new ClassLoader(ShippedRuleSetsSchemaProofTest.class.getClassLoader()) {
            @Override
            public InputStream getResourceAsStream(String name) {
                byte[] content = replaced.get(name);
                return content != null ? new ByteArrayInputStream(content) : super.getResourceAsStream(name);
            }
        };
    }

    private static byte[] bytes(String path) {
        try (InputStream in = ShippedRuleSetsSchemaProofTest.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the test classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
