package uk.dsltriage.common.problem;

import java.nio.channels.ClosedChannelException;

/**
 * Whether a failure means the client closed its connection before the request body was read (a client that timed
 * out and gave up): the request was not processed and nobody receives the answer, so it is no fault of the service.
 */
final class ClientWentAway {

    private ClientWentAway() {
    }

    static boolean in(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            // Closed while the body was being read, or before reading began.
            if (t instanceof io.vertx.core.http.HttpClosedException || t instanceof ClosedChannelException) {
                return true;
            }
        }
        return false;
    }
}
