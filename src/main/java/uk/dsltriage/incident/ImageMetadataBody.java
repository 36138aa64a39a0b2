package uk.dsltriage.incident;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What is known about images, as metadata only: never the image, a description of it, or a link to it. The facts
 * triage reads (imagesInvolved, childDepictedUnder18, imageDepictsSexualActs, aiGeneratedOrManipulated,
 * distributedBeyondRecipient, imageOnlineOrPlatform, deviceSecured...) are in {@code facts}.
 */
@Schema(name = "ImageMetadata", description = "Metadata about images: reference numbers and custody, never content or links")
public record ImageMetadataBody(
        @Schema(description = "The image or its location was reported to the Internet Watch Foundation") Boolean reportedToIwf,
        @Pattern(regexp = REFERENCE) @Schema(maxLength = 40, examples = "IWF-2026-001234") String iwfReference,
        @Schema(description = "The child was supported to use Childline/IWF Report Remove") Boolean reportRemoveUsed,
        @Pattern(regexp = REFERENCE) @Schema(maxLength = 40) String reportRemoveReference,
        Boolean platformReported,
        @Size(max = 60) @Pattern(regexp = "^[\\p{L}\\p{N} ._-]{1,60}$", message = "a platform name such as Snapchat, not a link")
        String platformName,
        @Pattern(regexp = REFERENCE) @Schema(maxLength = 40) String platformReference,
        DeviceCustody deviceHeldBy,
        ImageDescriptorSource descriptorSource,
        @Valid @Schema(description = "Only as assigned by police or the IWF: school staff never categorise images") ImageCategoryBody imageCategory) {

    public static final String REFERENCE = "^[A-Za-z0-9][A-Za-z0-9/_.-]{2,39}$";

    public enum DeviceCustody { SECURED_BY_SCHOOL, POLICE, CHILD, PARENT_OR_CARER, NOT_HELD, UNKNOWN }

    /** Where what is known about the images comes from (UKCIS: from accounts, not from viewing). */
    public enum ImageDescriptorSource { CHILD_ACCOUNT, THIRD_PARTY_ACCOUNT, DSL_VIEWED_UNDER_EXCEPTION, POLICE_OR_IWF }

    @Schema(name = "ImageCategory")
    public record ImageCategoryBody(
            @jakarta.validation.constraints.NotNull Category category,
            @jakarta.validation.constraints.NotNull @Schema(description = "Who assigned it: police or the IWF, never the school") AssignedBy assignedBy,
            @jakarta.validation.constraints.NotNull @Pattern(regexp = REFERENCE) @Size(max = 40) String reference) {
    }

    public enum Category { A, B, C }

    public enum AssignedBy { POLICE, IWF }
}
