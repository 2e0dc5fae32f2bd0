package org.liqlens.confluence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liqlens.sources.SourceSpec;

class ReviewClientTest {
    static final String KEY = "sk-test-4f9c2a7d1e";
    static final ObjectMapper JSON = new ObjectMapper();
    MockWebServer server;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    ReviewClient client() {
        return new ReviewClient(new OkHttpClient(), server.url("/v1/").toString(), "vision-model", KEY, Duration.ofSeconds(5));
    }

    static String answer(String text) {
        return "{\"id\":\"x\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":" + JSON.valueToTree(text) + "}}]}";
    }

    @Test
    void theRequestCarriesThePromptEachPictureByNameAndTheKeyOnlyInTheHeader() throws Exception {
        server.enqueue(new MockResponse().setBody(answer("Upside sweep first.")).setHeader("Content-Type", "application/json"));
        Map<String, byte[]> images = new LinkedHashMap<>();
        images.put("images/m1-12h.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        images.put("images/m3-3d.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 4, 5});
        assertEquals("Upside sweep first.", client().review("Compare the panes.", images));

        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        assertEquals("POST", r.getMethod());
        assertEquals("/v1/chat/completions", r.getPath());
        assertEquals("Bearer " + KEY, r.getHeader("Authorization"));
        assertTrue(r.getHeader("Content-Type").startsWith("application/json"));
        JsonNode body = JSON.readTree(r.getBody().readUtf8());
        assertEquals("vision-model", body.get("model").asText());
        assertEquals(1, body.get("messages").size());
        JsonNode message = body.get("messages").get(0);
        assertEquals("user", message.get("role").asText());
        JsonNode content = message.get("content");
        assertEquals(1 + 2 * 2, content.size());
        assertEquals("text", content.get(0).get("type").asText());
        assertEquals("Compare the panes.", content.get(0).get("text").asText());
        int i = 1;
        for (Map.Entry<String, byte[]> image : images.entrySet()) {
            assertEquals(image.getKey() + ":", content.get(i).get("text").asText());
            assertEquals("image_url", content.get(i + 1).get("type").asText());
            String url = content.get(i + 1).get("image_url").get("url").asText();
            assertTrue(url.startsWith("data:image/png;base64,"), url);
            assertArrayEquals(image.getValue(), Base64.getDecoder().decode(url.substring("data:image/png;base64,".length())));
            i += 2;
        }
        assertFalse(body.toString().contains(KEY), "the key is not in the body");
    }

    @Test
    void anErrorNamesTheRequestStatusAndServerMessageButNeverTheKey() {
        // a server that echoes the key back in its error, as some do
        server.enqueue(new MockResponse().setResponseCode(401)
                .setBody("{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + ".\",\"type\":\"invalid_request_error\"}}"));
        ReviewException e = assertThrows(ReviewException.class, () -> client().review("p", Map.of()));
        assertEquals("review request POST " + server.url("/v1/chat/completions") + " failed: HTTP 401: Incorrect API key provided: [redacted].",
                e.getMessage());
        assertEquals(401, e.status());

        server.enqueue(new MockResponse().setResponseCode(503).setBody("upstream overloaded, key=" + KEY));
        ReviewException plain = assertThrows(ReviewException.class, () -> client().review("p", Map.of()));
        assertTrue(plain.getMessage().endsWith("failed: HTTP 503: upstream overloaded, key=[redacted]"), plain.getMessage());

        server.enqueue(new MockResponse().setBody("{\"choices\":[]}"));
        ReviewException empty = assertThrows(ReviewException.class, () -> client().review("p", Map.of()));
        assertTrue(empty.getMessage().contains("holds no choices[0].message.content"), empty.getMessage());
        for (Throwable t : new Throwable[] {e, plain, empty}) assertFalse(String.valueOf(t).contains(KEY));
    }

    @Test
    void aRefusedConnectionNamesTheUrlWithoutTheKeyInItsQuery() throws IOException {
        String url = server.url("/v1").newBuilder().addQueryParameter("api-key", KEY).build().toString();
        server.shutdown();
        ReviewClient c = new ReviewClient(new OkHttpClient(), url, "m", KEY, Duration.ofSeconds(2));
        ReviewException e = assertThrows(ReviewException.class, () -> c.review("p", Map.of()));
        assertTrue(e.getMessage().startsWith("review request POST http://"), e.getMessage());
        assertTrue(e.getMessage().contains("/v1/chat/completions failed: "), e.getMessage());
        assertEquals(0, e.status());
        assertFalse(e.getMessage().contains(KEY), e.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> new ReviewClient("ftp://x?k=" + KEY, "m", KEY));
        assertFalse(bad.getMessage().contains(KEY), bad.getMessage());
    }

    @Test
    void theAnswerIsWrittenIntoTheBundleAndTheKeyIsNowhereInIt(@TempDir Path dir) throws IOException, InterruptedException {
        BundleWriterTest.estimate();
        Path bundle = dir.resolve("b.zip");
        BundleWriter.write(bundle, BundleRequest.builder(BundleWriterTest.panes,
                BundleSource.of(SourceSpec.parse("sim:7"), "Simulated market", false)).size(320, 200).clock(Clock.systemUTC()).build());
        server.enqueue(new MockResponse().setBody(answer("## Review\nA trap on both sides. (echo: " + KEY + ")")));
        String text = client().reviewInto(bundle);
        assertEquals("## Review\nA trap on both sides. (echo: [redacted])", text);
        BundleReader read = BundleReader.read(bundle);
        assertEquals(text + "\n", new String(read.entry("review.md"), StandardCharsets.UTF_8));
        for (String name : read.entryNames()) {
            assertFalse(new String(read.entry(name), StandardCharsets.ISO_8859_1).contains(KEY), "the key is not in " + name);
        }
        assertFalse(new String(Files.readAllBytes(bundle), StandardCharsets.ISO_8859_1).contains(KEY), "nor in the zip's own bytes");
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        JsonNode content = JSON.readTree(r.getBody().readUtf8()).at("/messages/0/content");
        assertEquals(read.prompt(), content.get(0).get("text").asText());
        assertEquals("images/m1-12h.png:", content.get(1).get("text").asText());
        assertEquals(1 + 2 * 2, content.size());
    }
}
