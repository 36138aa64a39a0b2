package uk.dsltriage.imageguard.scanner;

/** Coarse reason for a refusal. Safe to show to the caller; carries no content. */
public enum RefusalReason {
    /** A {@code data:} URI (any media type), or a {@code ;base64,} marker. */
    DATA_URI,
    /** Base64/base64url/hex/percent/decimal-encoded (possibly nested) bytes that start like an image, video,
     *  audio, document, archive or executable file. */
    ENCODED_MEDIA,
    /** A long run that looks like encoded data, whatever it decodes to. */
    OPAQUE_ENCODED_RUN,
    /** A URL: {@code scheme://}, {@code www.}, a domain with a path, or an IP address with a path or port.
     *  Record "reported to IWF" and the IWF reference instead. */
    URL,
    /** Raw binary: control characters, file signatures carried as characters, or long arrays of numbers. */
    BINARY_CONTENT,
    /** HTML/SVG/XML markup that can carry or reference an image ({@code <svg}, {@code <img}, ...). */
    MARKUP,
    /** The scanner hit an internal error; it fails closed. Should never happen. */
    SCANNER_ERROR
}
