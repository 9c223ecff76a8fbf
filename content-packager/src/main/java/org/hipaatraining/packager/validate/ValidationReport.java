package org.hipaatraining.packager.validate;

import java.util.List;

import org.hipaatraining.packager.PackageFormat;

/**
 * What {@link PackageValidator} found in one zip.
 *
 * @param source        what was validated (a file name), for messages
 * @param format        the format the manifest says the package is; null when there is no usable manifest
 * @param schemaChecked whether the manifest was checked against the official XSD (false: structural checks only)
 * @param findings      errors and warnings, in the order found
 */
public record ValidationReport(String source, PackageFormat format, boolean schemaChecked, List<Finding> findings) {

    public ValidationReport {
        findings = List.copyOf(findings);
    }

    public boolean hasErrors() {
        return findings.stream().anyMatch(Finding::isError);
    }

    public List<Finding> errors() {
        return findings.stream().filter(Finding::isError).toList();
    }

    public List<Finding> warnings() {
        return findings.stream().filter(f -> !f.isError()).toList();
    }
}
