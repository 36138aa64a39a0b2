package uk.dsltriage.rules.codec;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import uk.dsltriage.rules.RuleSet;

/**
 * Loads rule sets from the classpath ({@code rulesets/index.json} lists the files, so no directory
 * listing is needed inside a jar). Each file is size-checked, depth-checked, validated against
 * {@code rulesets/ruleset.schema.json}, checked for consistency and hashed over its exact bytes.
 * Any problem fails loudly with the file name and JSON path.
 *
 * <p>Start-up: the files shipped in the jar are proved valid against the schema by a test at build time
 * ({@code ShippedRuleSetsSchemaProofTest}), which records each file's SHA-256 beside the schema's in
 * {@code <directory>/schema-verified.sha256}. A file loaded from the classpath whose bytes, and the schema's, match that
 * record skips the schema validator (and loading its library); every other check still runs. Any file that differs in
 * a single byte, or any change of the schema, gets the full validation, so an invalid rule file still stops the service.
 */
public final class RuleSetLoader {

    public static final String INDEX = "rulesets/index.json";
    public static final String SCHEMA = "rulesets/ruleset.schema.json";
    /** In a rule-set directory: the schema's SHA-256 and those of the files proved valid against it at build time. */
    public static final String SCHEMA_PROOF = "schema-verified.sha256";
    public static final int MAX_FILE_BYTES = 1024 * 1024;
    /** Conditions may nest at most this deep in the file (the schema enforces the same limit). */
    public static final int MAX_CONDITION_DEPTH = 8;
    private static final int MAX_JSON_NESTING = 64;
    private static final int MAX_ERRORS_REPORTED = 5;
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,100}\\.json");

    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_JSON_NESTING)
                    .maxStringLength(100_000).build())
            .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private RuleSetLoader() {
    }

    /** Loads every rule set listed in {@code rulesets/index.json}. */
    public static List<RuleSet> loadFromClasspath(ClassLoader cl) {
        return loadFromClasspath(cl, "rulesets");
    }

    /** Loads every rule set listed in {@code <directory>/index.json} (tests use a directory of their own). */
    public static List<RuleSet> loadFromClasspath(ClassLoader cl, String directory) {
        String indexPath = directory + "/index.json";
        byte[] index = read(cl, indexPath);
        JsonNode names = readTree(indexPath, index);
        if (!names.isArray() || names.isEmpty()) {
            throw new RuleSetLoadException(indexPath + " must be a non-empty JSON array of file names");
        }
        Set<String> proved = provedAgainstSchema(cl, directory);
        List<RuleSet> ruleSets = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            JsonNode n = names.get(i);
            if (!n.isTextual() || !FILE_NAME.matcher(n.asText()).matches()) {
                throw new RuleSetLoadException(indexPath + ": $[" + i + "] is not a plain .json file name");
            }
            String path = directory + "/" + n.asText();
            byte[] content = read(cl, path);
            ruleSets.add(parse(path, content, proved.contains(n.asText() + " " + sha256(content))));
        }
        return List.copyOf(ruleSets);
    }

    /** Validates and parses one rule set document. */
    public static RuleSet parse(byte[] content) {
        return parse("<rule set>", content);
    }

    /** Validates and parses one rule set document; {@code name} appears in error messages. */
    public static RuleSet parse(String name, byte[] content) {
        return parse(name, content, false);
    }

    private static RuleSet parse(String name, byte[] content, boolean provedAgainstSchema) {
        if (content == null || content.length == 0) {
            throw new RuleSetLoadException(name + " is empty");
        }
        if (content.length > MAX_FILE_BYTES) {
            throw new RuleSetLoadException(name + " is " + content.length + " bytes, more than the limit of "
                    + MAX_FILE_BYTES);
        }
        JsonNode root = readTree(name, content);
        checkConditionDepth(name, root);
        if (!provedAgainstSchema) {
            validateAgainstSchema(name, new String(content, StandardCharsets.UTF_8));
        }
        return new RuleSetParser(name).parse(root, sha256(content), content);
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /**
     * The text of {@code <directory>/schema-verified.sha256} for these files: the schema's SHA-256 on the first line,
     * then one line per file, "name sha256". The test that proves the files writes it with this method.
     */
    public static String schemaProof(byte[] schema, Map<String, byte[]> filesByName) {
        StringBuilder sb = new StringBuilder("schema ").append(sha256(schema)).append('\n');
        filesByName.forEach((name, content) -> sb.append(name).append(' ').append(sha256(content)).append('\n'));
        return sb.toString();
    }

    /** "name sha256" of each file proved valid against the schema as it is now; empty without a proof or if it changed. */
    private static Set<String> provedAgainstSchema(ClassLoader cl, String directory) {
        String path = directory + "/" + SCHEMA_PROOF;
        try (InputStream in = cl.getResourceAsStream(path)) {
            if (in == null) {
                return Set.of();
            }
            List<String> lines = new String(in.readNBytes(MAX_FILE_BYTES), StandardCharsets.UTF_8).lines().toList();
            if (lines.isEmpty() || !lines.get(0).equals("schema " + sha256(read(cl, SCHEMA)))) {
                return Set.of();
            }
            return Set.copyOf(lines.subList(1, lines.size()));
        } catch (IOException e) {
            throw new RuleSetLoadException(path + " could not be read", e);
        }
    }

    private static byte[] read(ClassLoader cl, String path) {
        try (InputStream in = cl.getResourceAsStream(path)) {
            if (in == null) {
                throw new RuleSetLoadException(path + " was not found on the classpath");
            }
            byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                throw new RuleSetLoadException(path + " is larger than the limit of " + MAX_FILE_BYTES + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw new RuleSetLoadException(path + " could not be read", e);
        }
    }

    private static JsonNode readTree(String name, byte[] content) {
        try {
            return MAPPER.readTree(content);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new RuleSetLoadException(name + " is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new RuleSetLoadException(name + " could not be read as JSON", e);
        }
    }

    private static void validateAgainstSchema(String name, String json) {
        List<Error> errors = SchemaHolder.SCHEMA_INSTANCE.validate(json, InputFormat.JSON);
        if (errors.isEmpty()) {
            return;
        }
        String detail = errors.stream()
                .map(e -> jsonPath(e.getInstanceLocation().toString()) + ": " + stripLocation(e))
                .distinct()
                .sorted(Comparator.comparing(String::length))
                .limit(MAX_ERRORS_REPORTED)
                .collect(Collectors.joining("; "));
        throw new RuleSetLoadException(name + " does not match " + SCHEMA + " (" + errors.size() + " error(s)): "
                + detail);
    }

    /** "/rules/3/condition" becomes "$.rules[3].condition". */
    static String jsonPath(String pointer) {
        StringBuilder sb = new StringBuilder("$");
        for (String part : pointer.split("/")) {
            if (part.isEmpty() || part.equals("$")) {
                continue;
            }
            if (part.chars().allMatch(Character::isDigit)) {
                sb.append('[').append(part).append(']');
            } else {
                sb.append('.').append(part.replace("~1", "/").replace("~0", "~"));
            }
        }
        return sb.toString();
    }

    private static String stripLocation(Error e) {
        String message = e.getMessage();
        String prefix = e.getInstanceLocation() + ": ";
        String text = message != null && message.startsWith(prefix) ? message.substring(prefix.length()) : message;
        if ("enum".equals(e.getKeyword()) && e.getInstanceNode() != null) {
            text = "value " + e.getInstanceNode() + " " + text;
        }
        return text;
    }

    /** Rejects over-deep conditions before schema validation, with a message that says so plainly. */
    private static void checkConditionDepth(String name, JsonNode root) {
        JsonNode definitions = root.path("definitions");
        for (Iterator<Map.Entry<String, JsonNode>> it = definitions.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            depth(name, e.getValue(), "$.definitions." + e.getKey(), 2);
        }
        JsonNode rules = root.path("rules");
        for (int i = 0; i < rules.size(); i++) {
            depth(name, rules.get(i).path("condition"), "$.rules[" + i + "].condition", 1);
            JsonNode also = rules.get(i).path("also");
            for (int j = 0; j < also.size(); j++) {
                depth(name, also.get(j).path("when"), "$.rules[" + i + "].also[" + j + "].when", 2);
            }
        }
        JsonNode conflicts = root.path("conflicts");
        for (int i = 0; i < conflicts.size(); i++) {
            depth(name, conflicts.get(i).path("condition"), "$.conflicts[" + i + "].condition", 2);
        }
    }

    private static void depth(String name, JsonNode node, String path, int level) {
        if (!node.isObject()) {
            return;
        }
        if (level > MAX_CONDITION_DEPTH) {
            throw new RuleSetLoadException(name + ": " + path + ": conditions nest more than "
                    + MAX_CONDITION_DEPTH + " levels deep");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode value = e.getValue();
            if (key.equals("anyParticipant") || key.equals("noParticipant")) {
                continue;
            }
            if (value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    depth(name, value.get(i), path + "." + key + "[" + i + "]", level + 1);
                }
            } else if (value.isObject() && !key.equals("number")) {
                depth(name, value, path + "." + key, level + 1);
            }
        }
    }

    private static final class SchemaHolder {
        static final Schema SCHEMA_INSTANCE = loadSchema();

        private static Schema loadSchema() {
            try (InputStream in = RuleSetLoader.class.getClassLoader().getResourceAsStream(SCHEMA)) {
                if (in == null) {
                    throw new RuleSetLoadException(SCHEMA + " was not found on the classpath");
                }
                return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                        .getSchema(in, InputFormat.JSON);
            } catch (IOException e) {
                throw new RuleSetLoadException(SCHEMA + " could not be read", e);
            }
        }
    }
}
