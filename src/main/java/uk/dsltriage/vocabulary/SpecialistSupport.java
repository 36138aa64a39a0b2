package uk.dsltriage.vocabulary;

/** Specialist support considered for a child (AIM-trained assessment, Shore, Marie Collins Foundation, CAMHS, NSPCC). */
public enum SpecialistSupport {
    AIM_ASSESSMENT, SHORE, MARIE_COLLINS_FOUNDATION, CAMHS, NSPCC, OTHER
}
