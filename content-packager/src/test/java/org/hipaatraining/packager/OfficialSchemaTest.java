package org.hipaatraining.packager;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.hipaatraining.packager.validate.PackageValidator;
import org.hipaatraining.packager.validate.Schemas;
import org.hipaatraining.packager.validate.ValidationReport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * Every format, for a role course and for single modules, against the official XSDs (ADL/IMS for SCORM, the cmi5
 * CourseStructure.xsd) from shared/schemas: once with the JDK's validator directly, so a mistake in PackageValidator
 * cannot hide one in the writers, and once through PackageValidator, which must find nothing at all.
 */
class OfficialSchemaTest {

    private static final Path SCHEMAS = Fixtures.schemasFolder();

    static Stream<Arguments> packages() {
        List<Arguments> all = new ArrayList<>();
        for (PackageFormat format : PackageFormat.values()) {
            for (PackageSpec spec : List.of(PackageSpec.forRole("front-desk"), PackageSpec.forModule("alpha"),
                    PackageSpec.forModule("beta"))) {
                all.add(Arguments.of(format, spec));
            }
        }
        return all.stream();
    }

    private static byte[] build(PackageFormat format, PackageSpec spec) {
        return new PackageBuilder().build(Fixtures.catalogue(), spec, format);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("packages")
    void manifestIsValidAgainstTheOfficialXsd(PackageFormat format, PackageSpec spec) throws Exception {
        List<String> xsds = switch (format) {
            case SCORM_12 -> List.of("scorm12/imscp_rootv1p1p2.xsd", "scorm12/adlcp_rootv1p2.xsd");
            case SCORM_2004 -> List.of("scorm2004-4th/imscp_v1p1.xsd", "scorm2004-4th/adlcp_v1p3.xsd",
                    "scorm2004-4th/imsss_v1p0.xsd", "scorm2004-4th/adlseq_v1p3.xsd", "scorm2004-4th/adlnav_v1p3.xsd");
            case CMI5 -> List.of("cmi5/CourseStructure.xsd");
            case XAPI -> List.of(); // no official tincan.xml XSD; PackageValidator checks it structurally below
        };
        if (xsds.isEmpty()) {
            return;
        }
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "file");
        factory.setFeature("http://apache.org/xml/features/validation/schema-full-checking", false);
        StreamSource[] sources = xsds.stream().map(x -> new StreamSource(SCHEMAS.resolve(x).toUri().toString()))
                .toArray(StreamSource[]::new);
        Validator validator = factory.newSchema(sources).newValidator();
        List<String> errors = new ArrayList<>();
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                errors.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                errors.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }
        });
        Map<String, byte[]> entries = Fixtures.unzip(build(format, spec));

        validator.validate(new StreamSource(new ByteArrayInputStream(entries.get(format.manifestName()))));

        assertThat(errors).as(Fixtures.text(entries, format.manifestName())).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("packages")
    void packageValidatorWithSchemasFindsNothing(PackageFormat format, PackageSpec spec) {
        ValidationReport report = new PackageValidator(Schemas.in(SCHEMAS)).validate(build(format, spec), spec.toString());

        assertThat(report.findings()).isEmpty();
        assertThat(report.format()).isEqualTo(format);
        assertThat(report.schemaChecked()).isEqualTo(format != PackageFormat.XAPI);
    }
}
