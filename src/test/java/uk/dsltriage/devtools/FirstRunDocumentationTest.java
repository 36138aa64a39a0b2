package uk.dsltriage.devtools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** What a new user meets on a first run: the README says what it needs, and keeps their data private. */
class FirstRunDocumentationTest {

    private static String readme() throws Exception {
        return Files.readString(Path.of("README.md"));
    }

    @Test
    void theReadmeSaysWhatTheFirstRunNeeds() throws Exception {
        String readme = readme();
        assertTrue(readme.contains("Maven Central"), "network access to Maven Central");
        assertTrue(readme.contains("`curl`") && readme.contains("`python3`"), "curl and python3");
    }

    @Test
    void theWalkthroughKeepsDataInAPrivateTemporaryFileAndPrettyPrints() throws Exception {
        String readme = readme();
        assertFalse(readme.contains("/tmp/"), "the walkthrough must not write to a fixed, world-readable file in /tmp");
        assertTrue(readme.contains("OUT=$(mktemp); chmod 600 \"$OUT\""), "a private temporary file");
        assertTrue(readme.contains("python3 -m json.tool"), "pretty-printed JSON");
    }

    @Test
    void swaggerUiIsServedInTheLocalProfileOnlyAndTheReadmeNamesIt() throws Exception {
        Properties config = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            config.load(in);
        }
        assertEquals("true", config.getProperty("quarkus.swagger-ui.always-include"), "built in, so a profile can switch it on");
        assertEquals("false", config.getProperty("quarkus.swagger-ui.enabled"), "off by default (production)");
        assertEquals("true", config.getProperty("%local.quarkus.swagger-ui.enabled"), "on for ./run.sh");
        assertTrue(readme().contains("http://127.0.0.1:8080/q/swagger-ui"));
    }

    @Test
    void runShKeepsPostgresBinariesUnderLocal() throws Exception {
        String run = Files.readString(Path.of("run.sh"));
        assertTrue(run.contains("\"$ROOT/.local/postgres-binaries\""), "binaries under .local/, not /tmp");
    }
}
