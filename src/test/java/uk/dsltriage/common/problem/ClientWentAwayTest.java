package uk.dsltriage.common.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.HttpClosedException;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import org.junit.jupiter.api.Test;

/** The two ways a body read fails when the client has gone (both seen in FaultsIT's client timeouts), and what is not. */
class ClientWentAwayTest {

    @Test
    void closedWhileOrBeforeReadingTheBody() {
        assertTrue(ClientWentAway.in(new IOException(new IOException(new HttpClosedException("closed")))));
        assertTrue(ClientWentAway.in(new IOException(new ClosedChannelException())));
    }

    @Test
    void otherInputFailuresAreNot() {
        assertFalse(ClientWentAway.in(new IOException("disk")));
        assertFalse(ClientWentAway.in(new IllegalStateException(new java.sql.SQLException("x", "08006"))));
    }
}
