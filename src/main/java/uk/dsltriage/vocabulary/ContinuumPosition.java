package uk.dsltriage.vocabulary;

/** The DSL's judgement of where the behaviour sits on Hackett's continuum of sexual behaviour. */
public enum ContinuumPosition {
    NORMAL, INAPPROPRIATE, PROBLEMATIC, ABUSIVE, VIOLENT
}
