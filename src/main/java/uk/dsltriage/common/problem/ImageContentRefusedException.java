package uk.dsltriage.common.problem;

import java.util.List;

/** A request carried image, video, file or link content. Holds the field path only, never the content. */
public class ImageContentRefusedException extends RuntimeException {

    public static final List<String> GUIDANCE = List.of(
            "Do not view, copy, print, share, store or save the image or video, and do not ask a child to send, show or download it.",
            "Do not delete it, and do not ask the child to delete it: the DSL decides what happens next.",
            "If a device holds it, preserve the device: take it, switch it off or disconnect it from Wi-Fi and data, and lock it away without looking.",
            "Tell the designated safeguarding lead now.",
            "Record what you know in words and in the structured fields (imagesInvolved, childDepictedUnder18, imageOnlineOrPlatform, IWF or Report Remove reference numbers), never the content or a link to it.");

    private final String fieldPath;
    private final String reasonText;

    public ImageContentRefusedException(String fieldPath, String reasonText) {
        super("Image, video, file or link content was found in the request and it was refused. Nothing of it was stored.",
                null, false, false);
        this.fieldPath = fieldPath;
        this.reasonText = reasonText;
    }

    public String fieldPath() {
        return fieldPath;
    }

    public String reasonText() {
        return reasonText;
    }
}
