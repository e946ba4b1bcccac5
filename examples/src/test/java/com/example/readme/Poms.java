package com.example.readme;

import java.io.File;
import java.nio.file.Path;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;

import org.w3c.dom.Document;

/**
 * The project's pom files, read for the tests that check them.
 */
final class Poms {

	/** The repository's root, the parent of this module. */
	static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private Poms() {
	}

	/**
	 * Reads a pom.
	 * @param path the pom, from the repository's root, such as {@code examples/pom.xml}
	 * @return the document
	 * @throws Exception if it cannot be read
	 */
	static Document read(String path) throws Exception {
		return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new File(ROOT.resolve(path).toString()));
	}

	/**
	 * Evaluates an XPath expression.
	 * @param document the pom
	 * @param path the expression, such as {@code /project/version}
	 * @return its value as text; empty when nothing matches
	 * @throws Exception if the expression is invalid
	 */
	static String text(Document document, String path) throws Exception {
		return XPathFactory.newInstance().newXPath().evaluate(path, document);
	}

}
