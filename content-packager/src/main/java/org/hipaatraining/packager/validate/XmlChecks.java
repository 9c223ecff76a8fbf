package org.hipaatraining.packager.validate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.Validator;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Parsing and schema validation of manifests from packages we did not build. A manifest is untrusted input: no DOCTYPE,
 * no external entities or schemas are fetched (XXE), and problems become findings with line numbers.
 */
final class XmlChecks {

    private XmlChecks() {
    }

    static Optional<Document> parse(byte[] xml, String file, Findings findings) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null); // errors arrive as exceptions; the default handler also prints to stderr
            return Optional.of(builder.parse(new InputSource(new ByteArrayInputStream(xml))));
        } catch (SAXParseException e) {
            findings.error(file, "not well-formed XML (or has a DOCTYPE) at line " + e.getLineNumber() + ": "
                    + e.getMessage());
        } catch (SAXException | IOException e) {
            findings.error(file, "cannot be read as XML: " + e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks secure processing", e);
        }
        return Optional.empty();
    }

    /** Adds one error per schema violation, e.g. {@code imsmanifest.xml: line 12: cvc-complex-type.2.4.a: ...}. */
    static void validate(byte[] xml, Schema schema, String file, Findings findings) {
        Validator validator = schema.newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            List<SAXParseException> errors = new ArrayList<>();
            validator.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                    // schemaLocation hints we refuse to follow land here; the compiled schema set already applies.
                }

                @Override
                public void error(SAXParseException e) {
                    errors.add(e);
                }

                @Override
                public void fatalError(SAXParseException e) {
                    errors.add(e);
                }
            });
            validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
            errors.forEach(e -> findings.error(file, "schema: line " + e.getLineNumber() + ": " + e.getMessage()));
        } catch (SAXException | IOException e) {
            findings.error(file, "schema: " + e.getMessage());
        }
    }

    /** The child elements of an element with this namespace and local name. */
    static List<Element> children(Element parent, String namespace, String localName) {
        List<Element> children = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && localName.equals(element.getLocalName())
                    && namespace.equals(element.getNamespaceURI())) {
                children.add(element);
            }
        }
        return children;
    }

    static Optional<Element> child(Element parent, String namespace, String localName) {
        return children(parent, namespace, localName).stream().findFirst();
    }

    /** All descendants with this namespace and local name, in document order. */
    static List<Element> descendants(Element root, String namespace, String localName) {
        List<Element> found = new ArrayList<>();
        var nodes = root.getElementsByTagNameNS(namespace, localName);
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }
}
