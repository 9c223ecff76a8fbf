package org.hipaatraining.packager;

import java.nio.file.Path;

/**
 * A package written to disk by {@link PackageBuilder#buildAll}.
 *
 * @param file   the zip, named by {@link PackageSpec#fileName}
 * @param size   its size in bytes
 * @param sha256 hex SHA-256 of the zip; builds are deterministic, so an unchanged checksum means nothing to re-upload
 */
public record BuiltPackage(PackageSpec spec, PackageFormat format, Path file, long size, String sha256) {
}
