package org.hipaatraining.packager;

/**
 * Hears about {@link PackageBuilder#buildAll} as it goes, so a CLI can draw a progress bar and a server can log,
 * without the builder knowing about either.
 */
public interface ProgressListener {

    ProgressListener NONE = new ProgressListener() {
    };

    /** Called once, before the first package, with how many will be written. */
    default void started(int total) {
    }

    /** Called after each package is written. */
    default void built(BuiltPackage builtPackage) {
    }
}
