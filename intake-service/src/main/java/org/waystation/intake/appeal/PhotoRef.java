package org.waystation.intake.appeal;

/**
 * What the appeal keeps of a photo: where it is stored, its type and size.
 *
 * @param id the photo's document id in {@code appeal_photos}
 */
public record PhotoRef(String id, String contentType, int size) {

}
