package org.sitrep.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Function;
import org.sitrep.internal.Json;
import org.sitrep.model.Event;

/**
 * A GeoJSON FeatureCollection (RFC 7946), written feature by feature. The feature shape is the API's
 * (passed in), so an export and /api/events agree.
 */
public final class GeoJsonFormat implements EventFormat {
    private final Function<Event, Object> feature;
    private JsonGenerator g;

    public GeoJsonFormat(Function<Event, Object> feature) { this.feature = feature; }

    @Override public String contentType() { return "application/geo+json"; }

    @Override public String fileExtension() { return "geojson"; }

    @Override public void begin(OutputStream out) throws IOException {
        g = Json.MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.writeStartObject();
        g.writeStringField("type", "FeatureCollection");
        g.writeArrayFieldStart("features");
    }

    @Override public void write(Event e, Context context) throws IOException {
        g.writeObject(feature.apply(e));
    }

    @Override public void end() throws IOException {
        g.writeEndArray();
        g.writeEndObject();
        g.flush();
    }
}
