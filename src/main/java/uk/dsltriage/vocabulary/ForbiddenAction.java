package uk.dsltriage.vocabulary;

/** Hard constraints; they override required actions and routes where they conflict. */
public enum ForbiddenAction {
    VIEW_IMAGE,
    COPY_PRINT_SHARE_STORE_IMAGE,
    ASK_CHILD_TO_SEND_SHOW_OR_DOWNLOAD_IMAGE,
    DELETE_IMAGE_BEFORE_DSL_DECISION,
    DELETE_IMAGE_WHEN_POLICE_INVOLVED,
    UPLOAD_IMAGE_TO_SYSTEM,
    INVESTIGATE_STAFF_BEFORE_LADO,
    MEDIATE_WITH_FAMILY,
    INFORM_PARENTS_BEFORE_CSC_ADVICE,
    AUTO_CLOSE_WITHOUT_DSL
}
