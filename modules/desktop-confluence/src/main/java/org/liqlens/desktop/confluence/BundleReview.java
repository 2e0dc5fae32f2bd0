package org.liqlens.desktop.confluence;

import java.io.IOException;
import java.nio.file.Path;
import org.liqlens.confluence.ReviewClient;

/** Sends a written bundle for review and saves the answer into it, with the confluence module's client. */
final class BundleReview {
    private BundleReview() { }

    /**
     * Blocks; returns the answer, already saved in the zip as {@code review.md}. The key goes into the request's
     * header only: the client's messages name the endpoint and the status, never the key.
     */
    static String send(Path zip, String baseUrl, String model, char[] key) throws IOException {
        return new ReviewClient(baseUrl, model, new String(key)).reviewInto(zip);
    }
}
