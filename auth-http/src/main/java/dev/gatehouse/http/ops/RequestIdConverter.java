package dev.gatehouse.http.ops;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.gatehouse.http.web.RequestIds;

/**
 * {@code %requestId} in a Logback pattern: the id of the request a line was written for, or
 * nothing. Read when the line is written (on the thread that writes it, where Micronaut has the
 * request at hand), so requests that log nothing pay nothing; an id put in the MDC by
 * {@link RequestIds#inLog} is taken first.
 */
public final class RequestIdConverter extends ClassicConverter {

    /** The pattern's name for it. */
    public static final String WORD = "requestId";

    @Override
    public String convert(ILoggingEvent event) {
        return of(event);
    }

    /** The event's request id, or the empty string. */
    static String of(ILoggingEvent event) {
        String inMdc = event.getMDCPropertyMap().get(RequestIds.MDC_KEY);
        return inMdc != null ? inMdc : RequestIds.current().orElse("");
    }
}
