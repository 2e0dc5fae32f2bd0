package org.liqlens.sources.http;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns a successful response into a value. Throws {@link org.liqlens.sources.json.PayloadException} when the
 * payload breaks the documented shape; the fetcher adds the URL to the message.
 */
@FunctionalInterface
public interface ResponseParser<T> {
    T parse(JsonNode body);
}
