package org.dnsseismograph.imports;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads {@code rrdtool xport} XML: {@code meta} gives start, step and the legend, each {@code row}
 * one value per legend entry ({@code <v0>}… with {@code --enumds}, else {@code <v>}), with its
 * time in {@code <t>} (or counted from start by step when absent); {@code NaN} is unknown.
 * DTDs and external entities are refused. Stateless.
 *
 * @see <a href="https://oss.oetiker.ch/rrdtool/doc/rrdxport.en.html">rrdxport</a>
 */
final class RrdXportXmlReader implements FormatReader {

  @Override
  public ImportFormat format() {
    return ImportFormat.RRD_XPORT_XML;
  }

  @Override
  public String rejection(ExportText text) {
    String h = text.head(4096);
    return h.startsWith("<") && h.contains("<xport") ? null : "not XML with an <xport> element";
  }

  @Override
  public List<RawSeries> read(ExportText text, ImportOptions options, ImportLog log) throws NotThisFormat {
    Element root = parse(text.text()).getDocumentElement();
    if (!"xport".equals(root.getTagName())) {
      throw new NotThisFormat("the root element is <" + root.getTagName() + ">, not <xport>");
    }
    Element meta = child(root, "meta");
    Long start = meta == null ? null : JsonTrees.epochSeconds(text(child(meta, "start")));
    Long step = meta == null ? null : JsonTrees.epochSeconds(text(child(meta, "step")));
    Element legend = meta == null ? null : child(meta, "legend");
    Element data = child(root, "data");
    if (start == null || step == null || step <= 0 || legend == null || data == null) {
      throw new NotThisFormat("<meta> needs <start>, a positive <step> and a <legend>, and <data> must follow");
    }
    List<RawSeries> out = new ArrayList<>();
    for (Element e : children(legend, "entry")) {
      out.add(RrdXportJsonReader.RrdSeries.create(text(e), step, "declared by the file (<step>)"));
    }
    long t = start;
    for (Element row : children(data, "row")) {
      List<Element> cells = new ArrayList<>(children(row, null));
      Element te = child(row, "t");
      Long stamped = te == null ? null : JsonTrees.epochSeconds(text(te));
      cells.remove(te);
      long at = stamped != null ? stamped : t;
      if (cells.size() != out.size()) {
        log.skip(0, "<row> does not have one value per legend entry");
      } else {
        for (int i = 0; i < cells.size(); i++) {
          Double v = Cells.parse(text(cells.get(i)));
          if (v == null) {
            log.skip(0, "value is not a number");
            v = Double.NaN;
          }
          out.get(i).add(at, v, 0);
        }
      }
      t = at + step;
    }
    log.timeBasis("epoch seconds, UTC");
    return out;
  }

  private static Document parse(String xml) throws NotThisFormat {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(null);
      // The declared encoding (ISO-8859-1) no longer applies: the text is already decoded.
      return b.parse(new InputSource(new StringReader(xml.replaceFirst("^<\\?xml[^>]*\\?>", ""))));
    } catch (SAXParseException e) {
      throw new NotThisFormat("not well-formed XML at line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": "
          + e.getMessage());
    } catch (SAXException | ParserConfigurationException | java.io.IOException e) {
      throw new NotThisFormat("not XML: " + e.getMessage());
    }
  }

  private static Element child(Element parent, String name) {
    List<Element> c = children(parent, name);
    return c.isEmpty() ? null : c.get(0);
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    NodeList nl = parent.getChildNodes();
    for (int i = 0; i < nl.getLength(); i++) {
      Node n = nl.item(i);
      if (n instanceof Element e && (name == null || name.equals(e.getTagName()))) {
        out.add(e);
      }
    }
    return out;
  }

  private static String text(Element e) {
    return e == null ? "" : e.getTextContent().strip();
  }
}
