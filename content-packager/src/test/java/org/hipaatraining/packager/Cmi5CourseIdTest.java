package org.hipaatraining.packager;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** cmi5 course and AU ids must differ, while the AU keeps the module IRI the LRS counts records by. */
class Cmi5CourseIdTest {

    @Test
    void aSingleModulePackageHasACourseIdOfItsOwnAndTheModuleIriAsAu() {
        String xml = Fixtures.text(Fixtures.unzip(new PackageBuilder().build(Fixtures.catalogue(), PackageSpec.forModule("beta"),
                PackageFormat.CMI5)), "cmi5.xml");
        String moduleIri = Fixtures.catalogue().module("beta").orElseThrow().iri();
        assertThat(xml).contains("<au id=\"" + moduleIri + "\"")
                .contains("<course id=\"" + moduleIri.replace("/activities/module/", "/activities/module-course/") + "\"")
                .doesNotContain("<course id=\"" + moduleIri + "\"");
    }
}
