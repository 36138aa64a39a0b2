package uk.dsltriage.console.api;

/** The console's paths (docs/console.md); the browser tests and the pages agree on these. */
public final class ConsolePaths {

    public static final String ROOT = "/console";
    public static final String QUEUE = "/console/queue";
    public static final String TASKS = "/console/tasks";
    public static final String REFERRALS = "/console/referrals";
    public static final String ALERTS = "/console/alerts";
    public static final String CONCERNS = "/console/concerns";
    public static final String NEW_CONCERN = "/console/concerns/new";
    public static final String SIGNED_OUT = "/console/signed-out";

    private ConsolePaths() {
    }

    public static String incident(Object id) {
        return "/console/incidents/" + id;
    }

    public static String child(String ref) {
        return "/console/children/" + java.net.URLEncoder.encode(ref, java.nio.charset.StandardCharsets.UTF_8);
    }

    public static boolean isConsole(String path) {
        return path != null && (path.equals(ROOT) || path.startsWith(ROOT + "/"));
    }
}
