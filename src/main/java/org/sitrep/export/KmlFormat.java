package org.sitrep.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.sitrep.model.Event;

/**
 * KML 2.2 for Google Earth and GIS tools: one Placemark per located event (KML has no place for an
 * event without a point, so unlocated events are left out), with its time span and Sitrep's fields as
 * ExtendedData. Characters XML 1.0 forbids are dropped from source text.
 */
public final class KmlFormat implements EventFormat {
    private static final String NS = "http://www.opengis.net/kml/2.2";
    private XMLStreamWriter x;

    @Override public String contentType() { return "application/vnd.google-earth.kml+xml"; }

    @Override public String fileExtension() { return "kml"; }

    @Override public void begin(OutputStream out) throws IOException {
        try {
            x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("kml");
            x.writeDefaultNamespace(NS);
            x.writeStartElement("Document");
            element("name", "Sitrep events");
        } catch (XMLStreamException e) {
            throw new IOException("cannot write KML: " + e.getMessage(), e);
        }
    }

    @Override public void write(Event e, Context context) throws IOException {
        if (!e.located()) return;
        try {
            x.writeStartElement("Placemark");
            x.writeAttribute("id", e.id());
            element("name", e.title());
            element("description", e.summary());
            x.writeStartElement("TimeSpan");
            element("begin", e.time().start().toString());
            element("end", e.time().end().toString());
            x.writeEndElement();
            x.writeStartElement("ExtendedData");
            data("type", e.type());
            data("subType", e.subType());
            data("state", e.state().wire());
            data("credibility", Integer.toString(e.credibility()));
            data("sourceCount", Integer.toString(e.sourceCount()));
            data("precision", e.location().precision().name().toLowerCase(Locale.ROOT));
            data("location", e.location().name());
            data("sources", String.join("; ", context.sourceNames()));
            x.writeEndElement();
            x.writeStartElement("Point");
            element("coordinates", String.format(Locale.ROOT, "%.6f,%.6f", e.location().point().lon(), e.location().point().lat()));
            x.writeEndElement();
            x.writeEndElement();
        } catch (XMLStreamException ex) {
            throw new IOException("cannot write KML: " + ex.getMessage(), ex);
        }
    }

    private void data(String name, String value) throws XMLStreamException {
        if (value == null) return;
        x.writeStartElement("Data");
        x.writeAttribute("name", name);
        element("value", value);
        x.writeEndElement();
    }

    private void element(String name, String text) throws XMLStreamException {
        x.writeStartElement(name);
        if (text != null) x.writeCharacters(xmlSafe(text));
        x.writeEndElement();
    }

    /** Drops characters XML 1.0 cannot carry (control characters, lone surrogates), which hostile feeds do send. */
    public static String xmlSafe(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                    || (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)))
                    || (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1)));
            if (!ok && sb == null) sb = new StringBuilder(s.substring(0, i));
            if (sb != null && ok) sb.append(c);
        }
        return sb == null ? s : sb.toString();
    }

    @Override public void end() throws IOException {
        try {
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndDocument();
            x.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write KML: " + e.getMessage(), e);
        }
    }
}
