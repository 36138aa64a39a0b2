package uk.dsltriage.incident;

import uk.dsltriage.common.StoredRecords;
import uk.dsltriage.incident.ImageMetadataBody.AssignedBy;
import uk.dsltriage.incident.ImageMetadataBody.Category;
import uk.dsltriage.incident.ImageMetadataBody.DeviceCustody;
import uk.dsltriage.incident.ImageMetadataBody.ImageDescriptorSource;

/**
 * An incident's image metadata as stored ({@code incident.image_metadata}), storage format {@value #VERSION}: its own
 * shape, mapped to and from the metadata value. Format 1 (rows written before storageVersion) has the same fields,
 * written without nulls, and is read into this record with no version. Renaming a component is a new version, never
 * an edit.
 */
record StoredImageMetadata(int storageVersion, Boolean reportedToIwf, String iwfReference, Boolean reportRemoveUsed,
        String reportRemoveReference, Boolean platformReported, String platformName, String platformReference,
        DeviceCustody deviceHeldBy, ImageDescriptorSource descriptorSource, StoredCategory imageCategory) {

    static final int VERSION = 2;

    record StoredCategory(Category category, AssignedBy assignedBy, String reference) {
    }

    static StoredImageMetadata of(ImageMetadataBody m) {
        ImageMetadataBody.ImageCategoryBody c = m.imageCategory();
        return new StoredImageMetadata(VERSION, m.reportedToIwf(), m.iwfReference(), m.reportRemoveUsed(),
                m.reportRemoveReference(), m.platformReported(), m.platformName(), m.platformReference(),
                m.deviceHeldBy(), m.descriptorSource(),
                c == null ? null : new StoredCategory(c.category(), c.assignedBy(), c.reference()));
    }

    /** The metadata value; a category is only ever stored whole (what, by whom, their reference). */
    ImageMetadataBody toMetadata() {
        StoredRecords.require(imageCategory == null || (imageCategory.category() != null
                && imageCategory.assignedBy() != null && imageCategory.reference() != null),
                "image metadata has an image category without category, assignedBy or reference");
        return new ImageMetadataBody(reportedToIwf, iwfReference, reportRemoveUsed, reportRemoveReference,
                platformReported, platformName, platformReference, deviceHeldBy, descriptorSource,
                imageCategory == null ? null : new ImageMetadataBody.ImageCategoryBody(imageCategory.category(),
                        imageCategory.assignedBy(), imageCategory.reference()));
    }
}
