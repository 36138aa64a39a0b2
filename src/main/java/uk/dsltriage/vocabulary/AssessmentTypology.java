package uk.dsltriage.vocabulary;

/** Where the harmful sexual behaviour took place: technology-assisted only, both online and offline, or offline only. */
public enum AssessmentTypology {
    TA_ONLY, DUAL, OFFLINE_ONLY
}
