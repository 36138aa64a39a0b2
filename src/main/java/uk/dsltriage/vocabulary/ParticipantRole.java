package uk.dsltriage.vocabulary;

/** Role of a participant in an incident. */
public enum ParticipantRole {
    VICTIM,
    SUBJECT,
    IMAGE_CREATOR,
    SENDER,
    RECIPIENT,
    REQUESTER,
    WITNESS,
    REPORTER
}
