package org.hipaatraining.packager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hipaatraining.content.Catalogue;
import org.junit.jupiter.api.Test;

class PackageSpecTest {

    private final Catalogue catalogue = Fixtures.catalogue();

    @Test
    void roleFileNameSaysRoleAndFormat() {
        assertThat(PackageSpec.forRole("front-desk").fileName(catalogue, PackageFormat.SCORM_12))
                .isEqualTo("hipaa-role-front-desk-scorm12.zip");
    }

    @Test
    void moduleFileNameCarriesTheModuleVersion() {
        assertThat(PackageSpec.forModule("alpha").fileName(catalogue, PackageFormat.CMI5))
                .isEqualTo("hipaa-module-alpha-2.1.0-cmi5.zip");
    }

    @Test
    void idsThatCouldEscapeAFileNameAreRefused() {
        assertThatThrownBy(() -> PackageSpec.forModule("../alpha")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PackageSpec.forRole("Front Desk")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void formatsAreFoundByTheirIds() {
        assertThat(PackageFormat.fromId("scorm2004")).isEqualTo(PackageFormat.SCORM_2004);
        assertThat(PackageFormat.fromId(" XAPI ")).isEqualTo(PackageFormat.XAPI);
        assertThat(PackageFormat.CMI5.manifestName()).isEqualTo("cmi5.xml");
        assertThat(PackageFormat.XAPI.manifestName()).isEqualTo("tincan.xml");
        assertThatThrownBy(() -> PackageFormat.fromId("aicc"))
                .hasMessage("unknown package format 'aicc'; expected one of [scorm12, scorm2004, xapi, cmi5]");
    }
}
