package org.hipaatraining.packager.manifest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Small DOM helpers for the manifest writers. Titles and descriptions come from content authors, so every text and
 * attribute goes through the DOM, which escapes it; nothing is concatenated into markup.
 */
final class Xml {

    static final String XSI = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;

    private Xml() {
    }

    /** An empty namespace-aware document with a root element in the given default namespace. */
    static Document document(String namespace, String rootName) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document document = factory.newDocumentBuilder().newDocument();
            // Without this the declaration says standalone="no", which some LMS importers trip over.
            document.setXmlStandalone(true);
            document.appendChild(document.createElementNS(namespace, rootName));
            return document;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser is not configured", e);
        }
    }

    /** Declares a namespace prefix on an element (the root, so the manifest reads like the specs' examples). */
    static void declare(Element element, String prefix, String namespace) {
        element.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:" + prefix, namespace);
    }

    /** Appends an element in the parent's namespace unless the qualified name has a prefix of a declared one. */
    static Element child(Element parent, String namespace, String qualifiedName) {
        Element element = parent.getOwnerDocument().createElementNS(namespace, qualifiedName);
        parent.appendChild(element);
        return element;
    }

    static Element child(Element parent, String namespace, String qualifiedName, String text) {
        Element element = child(parent, namespace, qualifiedName);
        element.setTextContent(text);
        return element;
    }

    /** UTF-8, indented by two spaces, same bytes for the same document. */
    static byte[] bytes(Document document) {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            // The JDK puts the root element on the declaration's line; write the declaration ourselves instead.
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".getBytes(StandardCharsets.UTF_8));
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot serialise the manifest", e);
        }
    }
}
