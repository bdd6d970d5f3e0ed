package org.sitrep.export;

import java.io.IOException;
import java.io.OutputStream;
import org.sitrep.model.Event;

/**
 * An export format written event by event to a stream, so an export of any size needs memory for
 * one event at a time. Not thread-safe: one instance per export.
 */
public interface EventFormat {
    String contentType();

    String fileExtension();

    void begin(OutputStream out) throws IOException;

    void write(Event e, Context context) throws IOException;

    void end() throws IOException;

    /** What an event's own record does not carry: its sources' display names (joined for the row). */
    record Context(java.util.List<String> sourceNames) {
        public static final Context EMPTY = new Context(java.util.List.of());
    }
}
