package uk.dsltriage.console.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import uk.dsltriage.security.keycloak.KeycloakResource;

/**
 * Base of the console's browser tests: the PACKAGED service ({@code target/quarkus-app/quarkus-run.jar}, prod profile,
 * configured through its environment as a deployment is) on the fixed port {@value #PORT}, so that its redirect URI
 * {@code http://127.0.0.1:28090/console/*} is the one registered for client {@code dsl-triage-console} in
 * deploy/keycloak/dsl-triage-realm.json; a real Keycloak (reused or started, as for RealTokenIT); an embedded
 * PostgreSQL and a GreenMail SMTP server in this JVM; and Debian's Chromium driven headless through its ChromeDriver.
 *
 * <p>People sign in through Keycloak's real login form. Every console page a test visits goes through {@link #page}:
 * axe-core (tools/axe, pinned) runs inside it and any serious or critical violation fails the test (printed), and a
 * screenshot is written to {@code target/console-screenshots/<name>.png}. Keycloak's own login page is screenshotted
 * but not judged: it is not ours to fix.
 *
 * <p>Named {@code *BrowserIT}: failsafe runs it after {@code package} ({@code mvn verify}); {@code -DskipITs} skips it.
 * Nothing here skips itself: without Chromium, ChromeDriver or axe-core the suite fails with what to install.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AbstractBrowserIT {

    protected static final int PORT = 28090;
    protected static final String BASE = "http://127.0.0.1:" + PORT;
    protected static final String CONSOLE_CLIENT = "dsl-triage-console";
    /** The demo secret of deploy/keycloak/dsl-triage-realm.json (published; dev and tests only). */
    protected static final String CONSOLE_SECRET = "dsl-triage-console-demo-secret-not-for-production";
    protected static final String DEMO_PASSWORD = "Demo-Passw0rd!";
    protected static final Duration WAIT = Duration.ofSeconds(30);
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);
    protected static final ObjectMapper JSON = new ObjectMapper();
    protected static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    protected Path repo;
    protected GreenMail mail;
    protected WebDriver browser;
    private Path work;
    private Path screenshots;
    private String axe;
    private KeycloakResource keycloak;
    private EmbeddedPostgres postgres;
    private Process service;
    private final List<WebDriver> browsers = new ArrayList<>();

    /** Extra service configuration of a subclass (system properties of the service JVM), e.g. the alerts' keys. */
    protected Map<String, String> serviceConfig() {
        return Map.of();
    }

    @BeforeAll
    void startEverything() throws Exception {
        long t0 = System.nanoTime();
        repo = repoRoot();
        work = repo.resolve("target/console-browser");
        screenshots = repo.resolve("target/console-screenshots");
        Files.createDirectories(work);
        Files.createDirectories(screenshots);
        say("load average at start: " + loadAverage());
        Path jar = repo.resolve("target/quarkus-app/quarkus-run.jar");
        assertTrue(Files.isRegularFile(jar), "package first: " + jar + " (mvn verify runs this suite after package)");
        for (Path tool : List.of(CHROMIUM, CHROMEDRIVER)) {
            assertTrue(Files.isExecutable(tool), tool + " is missing: .ci/run installs it, or apt-get install chromium chromium-driver");
        }
        axe = Files.readString(axeCore(), StandardCharsets.UTF_8);
        assertPortFree(PORT);

        keycloak = new KeycloakResource();
        CompletableFuture<Void> identityProvider = CompletableFuture.runAsync(keycloak::start);
        postgres = EmbeddedPostgres.builder().start();
        mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        identityProvider.get(8, TimeUnit.MINUTES);
        ensureConsoleClientRegistered();
        service = startService(jar);
        awaitReady();
        say("service, Keycloak, PostgreSQL and SMTP ready after " + (System.nanoTime() - t0) / 1_000_000_000 + " s");
    }

    @AfterAll
    void stopEverything() throws Exception {
        for (WebDriver driver : browsers) {
            try {
                driver.quit();
            } catch (RuntimeException e) {
                say("browser did not quit cleanly: " + e.getClass().getSimpleName());
            }
        }
        if (service != null) {
            service.destroy();
            if (!service.waitFor(60, TimeUnit.SECONDS)) {
                service.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            Files.deleteIfExists(work.resolve("service.pid"));
        }
        if (mail != null) {
            mail.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (keycloak != null) {
            keycloak.stop();
        }
    }

    // ------------------------------------------------------------------ browser

    /** A new browser with its own profile (its own cookies: another person, or a second session of the same one). */
    protected WebDriver newBrowser() throws IOException {
        Path profile = Files.createTempDirectory(work, "chromium-profile-");
        ChromeDriverService driverService = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(work.resolve("chromedriver-" + browsers.size() + ".log").toFile())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // Without the background-networking flags Chromium keeps calling Google's hosts, which this machine refuses.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,1000", "--lang=en-GB");
        ChromeDriver driver = new ChromeDriver(driverService, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        browsers.add(driver);
        return driver;
    }

    /** Opens /console in {@code driver} and signs in through Keycloak's login form; returns where it landed. */
    protected String signIn(WebDriver driver, String username) {
        driver.get(BASE + "/console");
        try {
            new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("kc-login")));
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot(driver, "failed-sign-in-" + username);
            fail("no Keycloak login for " + username + " at " + driver.getCurrentUrl() + ":\n"
                    + driver.findElement(By.tagName("body")).getText());
        }
        assertTrue(driver.getCurrentUrl().startsWith(KeycloakResource.ISSUER + "/protocol/openid-connect/auth"),
                "an anonymous visit goes to Keycloak's login: " + driver.getCurrentUrl());
        assertTrue(driver.getCurrentUrl().contains("code_challenge_method=S256"), "PKCE (S256) is used");
        screenshot(driver, "keycloak-login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(DEMO_PASSWORD);
        driver.findElement(By.id("kc-login")).click();
        new WebDriverWait(driver, WAIT).until(d -> d.getCurrentUrl().startsWith(BASE + "/console"));
        return driver.getCurrentUrl();
    }

    /** Signs in with a fresh browser (no cookie of an earlier person, whatever an earlier step left behind). */
    protected String signIn(String username) throws IOException {
        if (browser != null) {
            browsers.remove(browser);
            browser.quit();
        }
        browser = newBrowser();
        return signIn(browser, username);
    }

    /** GET /console/logout: ends the console session and Keycloak's, then the public signed-out page. */
    protected void signOut(WebDriver driver) {
        driver.get(BASE + "/console/logout");
        new WebDriverWait(driver, WAIT).until(d -> d.getCurrentUrl().startsWith(BASE + "/console/signed-out"));
        page(driver, "signed-out");
    }

    protected void go(String path) {
        browser.get(BASE + path);
    }

    protected WebElement waitFor(WebDriver driver, By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    protected WebElement waitFor(By by) {
        return waitFor(browser, by);
    }

    /** The page now shown: its screenshot, and axe-core's check (serious or critical violations fail the test). */
    protected void page(WebDriver driver, String name) {
        screenshot(driver, name);
        List<String> violations = accessibilityViolations(driver);
        if (!violations.isEmpty()) {
            String report = "axe-core: " + violations.size() + " serious or critical violation(s) on '" + name + "' ("
                    + driver.getCurrentUrl() + "):\n  " + String.join("\n  ", violations);
            System.out.println("[BrowserIT] " + report);
            fail(report);
        }
    }

    protected void page(String name) {
        page(browser, name);
    }

    protected void screenshot(WebDriver driver, String name) {
        try {
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(screenshots.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new IllegalStateException("could not write the screenshot " + name, e);
        }
    }

    /**
     * Runs axe-core (WCAG 2.0/2.1/2.2 A and AA rules) in the page; WebDriver's scripts are not subject to the page's
     * Content-Security-Policy, so the console's CSP stays as strict as it is in production.
     */
    private List<String> accessibilityViolations(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(axe);
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag',
                        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } })
                    .then(r => done(JSON.stringify(r.violations)))
                    .catch(e => done('AXE-ERROR ' + e));
                """);
        String text = String.valueOf(result);
        if (text.startsWith("AXE-ERROR")) {
            fail("axe-core could not run on " + driver.getCurrentUrl() + ": " + text);
        }
        List<String> found = new ArrayList<>();
        try {
            for (JsonNode violation : JSON.readTree(text)) {
                String impact = violation.path("impact").asText();
                if (impact.equals("serious") || impact.equals("critical")) {
                    List<String> targets = new ArrayList<>();
                    violation.path("nodes").forEach(n -> targets.add(n.path("target").toString()));
                    found.add(impact + " " + violation.path("id").asText() + ": " + violation.path("help").asText()
                            + " " + targets);
                }
            }
        } catch (IOException e) {
            fail("axe-core answered something that is not JSON: " + text);
        }
        return found;
    }

    // ------------------------------------------------------------------ the API beside the console

    /** An access token of a demo user from Keycloak (password grant, client dsl-triage-cli), for API calls. */
    protected String apiToken(String username) throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", "dsl-triage-cli");
        form.put("username", username);
        form.put("password", DEMO_PASSWORD);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(KeycloakResource.ISSUER + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody(form))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), "token for " + username);
        return JSON.readTree(response.body()).path("access_token").asText();
    }

    protected HttpResponse<String> api(String method, String path, String token, String json, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json, application/problem+json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String formBody(Map<String, String> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return body.toString();
    }

    // ------------------------------------------------------------------ processes

    private Process startService(Path jar) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.host=127.0.0.1"));
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.mailer.mock", "false");
        config.put("quarkus.mailer.host", "127.0.0.1");
        config.put("quarkus.mailer.port", Integer.toString(mail.getSmtp().getPort()));
        config.put("quarkus.mailer.start-tls", "DISABLED");
        config.put("quarkus.mailer.from", "dsl-triage@dsl-triage.example");
        config.putAll(serviceConfig());
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        byte[] master = new byte[32];
        new SecureRandom().nextBytes(master);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(work.resolve("service.log").toFile()));
        Map<String, String> env = pb.environment();
        env.put("PORT", Integer.toString(PORT));
        env.put("DB_URL", postgres.getJdbcUrl("postgres", "postgres"));
        env.put("DB_USER", "postgres");
        env.put("DB_PASSWORD", "postgres");
        env.put("OIDC_AUTH_SERVER_URL", KeycloakResource.ISSUER);
        env.put("OIDC_ISSUER", KeycloakResource.ISSUER);
        env.put("CONSOLE_CLIENT_SECRET", CONSOLE_SECRET);
        env.put("IDENTITY_MASTER_KEYS", "browser-it:" + Base64.getEncoder().encodeToString(master));
        Process process = pb.start();
        Files.writeString(work.resolve("service.pid"), Long.toString(process.pid()));
        return process;
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                fail("the service exited with " + service.exitValue() + "; log tail:\n" + serviceLogTail(60));
            }
            try {
                HttpResponse<Void> ready = HTTP.send(HttpRequest.newBuilder(URI.create(BASE + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        fail("the service was not ready within " + READY_TIMEOUT + "; log tail:\n" + serviceLogTail(60));
    }

    protected String serviceLogTail(int lines) {
        try {
            List<String> all = Files.readAllLines(work.resolve("service.log"), StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /**
     * A shared Keycloak started from an older realm file (before the console client existed) would refuse every
     * sign-in. In that case the client is registered from deploy/keycloak/dsl-triage-realm.json through the admin API
     * (keycloak.sh's dev admin): additive, nothing else in that Keycloak changes. A fresh Keycloak (CI) imports it.
     */
    private void ensureConsoleClientRegistered() throws IOException, InterruptedException {
        if (consoleClientKnown()) {
            return;
        }
        say("the running Keycloak does not know client " + CONSOLE_CLIENT + " (started from an older realm file); "
                + "registering it from deploy/keycloak/dsl-triage-realm.json through the admin API");
        JsonNode realm = JSON.readTree(repo.resolve("deploy/keycloak/dsl-triage-realm.json").toFile());
        JsonNode client = null;
        for (JsonNode c : realm.path("clients")) {
            if (CONSOLE_CLIENT.equals(c.path("clientId").asText())) {
                client = c;
            }
        }
        assertNotNull(client, "deploy/keycloak/dsl-triage-realm.json has no client " + CONSOLE_CLIENT);
        String admin = adminToken();
        String realmAdmin = KeycloakResource.BASE_URL + "/admin/realms/" + KeycloakResource.REALM;
        HttpResponse<String> created = adminCall("POST", realmAdmin + "/clients", admin, client.toString());
        assertEquals(201, created.statusCode(), "registering " + CONSOLE_CLIENT + ": " + created.body());
        String location = created.headers().firstValue("Location").orElseThrow();
        List<JsonNode> roles = new ArrayList<>();
        for (JsonNode mapping : realm.path("scopeMappings")) {
            if (CONSOLE_CLIENT.equals(mapping.path("client").asText())) {
                for (JsonNode role : mapping.path("roles")) {
                    roles.add(JSON.readTree(adminCall("GET", realmAdmin + "/roles/" + role.asText(), admin, null).body()));
                }
            }
        }
        HttpResponse<String> mapped = adminCall("POST", location + "/scope-mappings/realm", admin, JSON.writeValueAsString(roles));
        assertEquals(204, mapped.statusCode(), "mapping the realm roles to " + CONSOLE_CLIENT + ": " + mapped.body());
        assertTrue(consoleClientKnown(), CONSOLE_CLIENT + " registered but its login page still refuses " + BASE);
    }

    private boolean consoleClientKnown() throws IOException, InterruptedException {
        // With PKCE parameters (the client requires S256), a known client and redirect URI get the login page (200).
        String auth = KeycloakResource.ISSUER + "/protocol/openid-connect/auth?response_type=code&scope=openid"
                + "&client_id=" + CONSOLE_CLIENT + "&redirect_uri="
                + URLEncoder.encode(BASE + "/console/callback", StandardCharsets.UTF_8)
                + "&code_challenge_method=S256&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
        return HTTP.send(HttpRequest.newBuilder(URI.create(auth)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode() == 200;
    }

    private String adminToken() throws IOException, InterruptedException {
        Map<String, String> form = Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", System.getenv().getOrDefault("KC_BOOTSTRAP_ADMIN_USERNAME", "admin"),
                "password", System.getenv().getOrDefault("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin"));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(KeycloakResource.BASE_URL + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody(form))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), "Keycloak's dev admin (keycloak.sh: admin/admin) is needed to register "
                + CONSOLE_CLIENT + "; or restart that Keycloak so that the realm file is imported");
        return JSON.readTree(response.body()).path("access_token").asText();
    }

    private static HttpResponse<String> adminCall(String method, String url, String token, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private Path axeCore() throws IOException, InterruptedException {
        Path axePath = repo.resolve(".local/axe/node_modules/axe-core/axe.min.js");
        if (!Files.isRegularFile(axePath)) {
            Process install = new ProcessBuilder("bash", repo.resolve("tools/axe/install.sh").toString())
                    .directory(repo.toFile()).redirectErrorStream(true)
                    .redirectOutput(work.resolve("axe-install.log").toFile()).start();
            assertTrue(install.waitFor(5, TimeUnit.MINUTES) && install.exitValue() == 0,
                    "tools/axe/install.sh failed (npm ci of the pinned axe-core); see " + work.resolve("axe-install.log"));
        }
        return axePath;
    }

    private static void assertPortFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            fail("port " + port + " on 127.0.0.1 is taken: the browser tests need it (it is the registered redirect URI)");
        }
    }

    private static Path repoRoot() {
        for (Path d = Path.of(System.getProperty("user.dir")).toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("deploy/keycloak/keycloak.sh"))) {
                return d;
            }
        }
        throw new IllegalStateException("repository root not found above " + System.getProperty("user.dir"));
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    protected static void say(String line) {
        System.out.println("[BrowserIT] " + line);
    }
}
