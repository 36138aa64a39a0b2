package uk.dsltriage.support;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects every log record the application writes while it is installed, formatted as the console would. */
public final class LogCapture extends Handler implements AutoCloseable {

    private final List<String> lines = new ArrayList<>();

    public static LogCapture install() {
        return install(null);
    }

    /** Captures what a handler with this filter (as configured for the console) would write. */
    public static LogCapture install(java.util.logging.Filter filter) {
        LogCapture capture = new LogCapture();
        capture.setLevel(java.util.logging.Level.ALL);
        capture.setFilter(filter);
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    @Override
    public synchronized void publish(LogRecord record) {
        if (!isLoggable(record)) {
            return;
        }
        StringBuilder line = new StringBuilder(String.valueOf(record.getLoggerName())).append(' ')
                .append(record.getMessage());
        if (record.getParameters() != null) {
            for (Object p : record.getParameters()) {
                line.append(' ').append(p);
            }
        }
        for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
            line.append(' ').append(t);
        }
        lines.add(line.toString());
    }

    public synchronized String text() {
        return String.join("\n", lines);
    }

    /** The captured lines, without those of loggers whose name starts with the prefix. */
    public synchronized String textExcept(String loggerPrefix) {
        return String.join("\n", lines.stream().filter(line -> !line.startsWith(loggerPrefix)).toList());
    }

    public synchronized int size() {
        return lines.size();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
