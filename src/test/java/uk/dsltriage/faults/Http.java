package uk.dsltriage.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

/** A plain HTTP client for the fault suite: every outcome is a {@link Reply}, including a client-side timeout. */
final class Http {

    static final int TIMED_OUT = -1;
    static final int IO_ERROR = -2;

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final Duration timeout;

    Http(Duration timeout) {
        this.timeout = timeout;
    }

    record Reply(int status, String contentType, String body, long millis, Map<String, java.util.List<String>> headers) {
        boolean problem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .findFirst().map(e -> e.getValue().get(0)).orElse(null);
        }
    }

    Reply get(String url, String token) {
        return send(request(url, token).GET().build());
    }

    Reply post(String url, String token, String json, Map<String, String> headers) {
        return post(url, token, json, headers, timeout);
    }

    Reply post(String url, String token, String json, Map<String, String> headers, Duration requestTimeout) {
        HttpRequest.Builder b = request(url, token).timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(b::header);
        return send(b.build());
    }

    private HttpRequest.Builder request(String url, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).header("Accept", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private Reply send(HttpRequest request) {
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body(),
                    (System.nanoTime() - t0) / 1_000_000, r.headers().map());
        } catch (HttpTimeoutException e) {
            return new Reply(TIMED_OUT, null, null, (System.nanoTime() - t0) / 1_000_000, Map.of());
        } catch (IOException e) {
            return new Reply(IO_ERROR, null, e.getClass().getSimpleName(), (System.nanoTime() - t0) / 1_000_000, Map.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(IO_ERROR, null, "interrupted", (System.nanoTime() - t0) / 1_000_000, Map.of());
        }
    }
}
