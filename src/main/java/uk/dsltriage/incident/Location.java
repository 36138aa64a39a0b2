package uk.dsltriage.incident;

public enum Location {
    ON_SITE, OFF_SITE, ONLINE, UNKNOWN
}
