package org.liqlens.desktop.confluence;

import java.io.IOException;
import java.nio.file.Path;

/** Sends a written bundle for review and saves the answer into it: the confluence module's review client. */
final class BundleReview {
    private BundleReview() { }

    /** Blocks; returns the answer, already saved in the zip as {@code review.md}. */
    static String send(Path zip, String baseUrl, String model, char[] key) throws IOException {
        throw new IOException("the review client is not available yet");
    }
}
