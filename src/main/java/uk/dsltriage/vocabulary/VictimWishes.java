package uk.dsltriage.vocabulary;

/** What the victim wants about police involvement. */
public enum VictimWishes {
    WANTS_POLICE,
    DOES_NOT_WANT_POLICE,
    UNDECIDED,
    UNKNOWN
}
