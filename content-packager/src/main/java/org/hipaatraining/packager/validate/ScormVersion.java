package org.hipaatraining.packager.validate;

import java.util.Map;

import org.hipaatraining.packager.PackageFormat;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Which SCORM an {@code imsmanifest.xml} is. The namespace of {@code <manifest>} says which content-packaging schema it
 * follows; {@code <schemaversion>} is what LMSs actually read: Moodle knows "1.2", "CAM 1.3", "2004 3rd Edition" and
 * "2004 4th Edition" and silently treats anything else as 1.2, so a mismatch or an unknown value is worth reporting.
 */
final class ScormVersion {

    private static final Map<String, PackageFormat> SCHEMA_VERSIONS = Map.of(
            "1.2", PackageFormat.SCORM_12,
            "CAM 1.3", PackageFormat.SCORM_2004,
            "2004 3rd Edition", PackageFormat.SCORM_2004,
            "2004 4th Edition", PackageFormat.SCORM_2004);

    private ScormVersion() {
    }

    /** The version, or null (with an error) when the manifest is neither SCORM 1.2 nor 2004. */
    static PackageFormat of(Document document, Findings findings) {
        String file = ScormManifestCheck.MANIFEST;
        Element manifest = document.getDocumentElement();
        String namespace = manifest.getNamespaceURI();
        PackageFormat byNamespace;
        if (ScormManifestCheck.IMSCP_12.equals(namespace)) {
            byNamespace = PackageFormat.SCORM_12;
        } else if (ScormManifestCheck.IMSCP_2004.equals(namespace)) {
            byNamespace = PackageFormat.SCORM_2004;
        } else {
            findings.error(file, "<" + manifest.getNodeName() + "> is in namespace " + namespace + ", not SCORM 1.2's ("
                    + ScormManifestCheck.IMSCP_12 + ") or SCORM 2004's (" + ScormManifestCheck.IMSCP_2004 + ")");
            return null;
        }
        String schemaVersion = XmlChecks.child(manifest, namespace, "metadata")
                .flatMap(metadata -> XmlChecks.child(metadata, namespace, "schemaversion"))
                .map(element -> element.getTextContent().trim()).orElse(null);
        if (schemaVersion == null) {
            findings.warning(file, "no <metadata><schemaversion>: Moodle will treat the package as SCORM 1.2");
            return byNamespace;
        }
        PackageFormat declared = SCHEMA_VERSIONS.get(schemaVersion);
        if (declared == null) {
            findings.warning(file, "<schemaversion>" + schemaVersion + "</schemaversion> is not one LMSs recognise "
                    + SCHEMA_VERSIONS.keySet() + "; Moodle will treat the package as SCORM 1.2");
            return byNamespace;
        }
        if (declared != byNamespace) {
            findings.error(file, "<schemaversion>" + schemaVersion + "</schemaversion> says " + declared.displayName()
                    + " but the manifest namespace is " + byNamespace.displayName() + "'s");
        }
        if (!schemaVersion.equals("1.2") && !schemaVersion.equals("2004 4th Edition")) {
            findings.warning(file, "SCORM " + schemaVersion + ": checked against the 2004 4th Edition rules");
        }
        return byNamespace;
    }
}
