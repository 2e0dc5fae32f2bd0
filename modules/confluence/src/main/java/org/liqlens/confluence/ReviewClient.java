package org.liqlens.confluence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.liqlens.sources.http.HttpClients;

/**
 * Sends a bundle's prompt and pictures to an OpenAI-compatible chat endpoint ({@code POST {baseUrl}/chat/completions})
 * and returns the answer. Optional: nothing else in LiqLens needs it, and it sends nothing unless called.
 *
 * <p>The request is one user message whose content is the prompt, then for each PNG its file name as text and
 * the picture as an {@code image_url} data URL, so the assistant can name the pictures as the prompt asks.
 *
 * <p>The API key is the caller's (the desktop keeps it in the platform's keyring). It goes only into the
 * {@code Authorization} header: never into an exception message (every message is scrubbed of it, also when a
 * server echoes it back), a log, the bundle or the answer written into it.
 */
public final class ReviewClient {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(3);
    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REDACTED = "[redacted]";

    private final OkHttpClient http;
    private final HttpUrl endpoint;
    private final String model;
    private final String apiKey;

    /**
     * @param baseUrl e.g. {@code https://api.openai.com/v1} or a local server's {@code http://localhost:8080/v1}
     * @param model   the model name the server knows, e.g. {@code gpt-4o}
     * @param apiKey  sent as {@code Authorization: Bearer …}; null or empty for a server that needs none
     * @throws IllegalArgumentException when {@code baseUrl} is not an http(s) URL (the message shows it without
     *                                  credentials or query)
     */
    public ReviewClient(String baseUrl, String model, String apiKey) {
        this(HttpClients.shared(), baseUrl, model, apiKey, DEFAULT_TIMEOUT);
    }

    public ReviewClient(OkHttpClient client, String baseUrl, String model, String apiKey, Duration timeout) {
        this.apiKey = apiKey == null ? "" : apiKey;
        this.model = Objects.requireNonNull(model, "model");
        String base = Objects.requireNonNull(baseUrl, "baseUrl").strip();
        while (base.endsWith("/")) base = base.substring(0, base.length() - 1);
        HttpUrl url = HttpUrl.parse(base);
        if (url == null) throw new IllegalArgumentException("the review base URL must be an http(s) URL, not '" + scrub(baseUrl) + "'");
        this.endpoint = url.newBuilder().addPathSegments("chat/completions").build();
        this.http = client.newBuilder().readTimeout(timeout).callTimeout(timeout).build();
    }

    /** The endpoint as messages show it: no user, password or query. */
    public String endpointForDisplay() {
        return endpoint.newBuilder().username("").password("").query(null).build().toString();
    }

    /**
     * Sends the prompt and pictures; returns the answer's text.
     *
     * @param pngImages pictures by file name ({@code images/m1-12h.png}), in the order to send
     * @throws ReviewException when the request fails or the answer has no text
     */
    public String review(String prompt, Map<String, byte[]> pngImages) throws ReviewException {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", model);
        ArrayNode messages = body.putArray("messages");
        ObjectNode user = messages.addObject();
        user.put("role", "user");
        ArrayNode content = user.putArray("content");
        content.addObject().put("type", "text").put("text", prompt);
        Base64.Encoder base64 = Base64.getEncoder();
        for (Map.Entry<String, byte[]> image : pngImages.entrySet()) {
            content.addObject().put("type", "text").put("text", image.getKey() + ":");
            ObjectNode part = content.addObject().put("type", "image_url");
            part.putObject("image_url").put("url", "data:image/png;base64," + base64.encodeToString(image.getValue()));
        }
        Request.Builder request = new Request.Builder().url(endpoint).post(RequestBody.create(body.toString(), JSON_TYPE));
        if (!apiKey.isEmpty()) request.header("Authorization", "Bearer " + apiKey);
        String what = "review request POST " + endpointForDisplay();
        try (Response response = http.newCall(request.build()).execute()) {
            ResponseBody responseBody = response.body();
            String text = responseBody == null ? "" : responseBody.string();
            if (!response.isSuccessful()) {
                throw new ReviewException(scrub(what + " failed: HTTP " + response.code() + serverMessage(text)), response.code());
            }
            String answer = answer(text);
            if (answer == null) {
                throw new ReviewException(scrub(what + ": the answer holds no choices[0].message.content: " + abbreviate(text)), response.code());
            }
            return scrub(answer);
        } catch (ReviewException e) {
            throw e;
        } catch (IOException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
            throw new ReviewException(scrub(what + " failed: " + why), 0);
        }
    }

    /** Reviews a bundle: its prompt and PNG pictures. */
    public String review(BundleReader bundle) throws ReviewException {
        return review(bundle.prompt(), bundle.pngImages());
    }

    /** Reviews the bundle at {@code bundle} and writes the answer into it as {@code review.md} (atomically). */
    public String reviewInto(Path bundle) throws IOException {
        String answer = review(BundleReader.read(bundle));
        BundleReader.addReview(bundle, answer.endsWith("\n") ? answer : answer + "\n");
        return answer;
    }

    /** choices[0].message.content: a string, or (some servers) an array of parts whose text parts are joined. */
    private static String answer(String json) {
        try {
            JsonNode content = JSON.readTree(json).path("choices").path(0).path("message").path("content");
            if (content.isTextual()) return content.asText();
            if (content.isArray()) {
                StringBuilder s = new StringBuilder();
                for (JsonNode part : content) if (part.path("text").isTextual()) s.append(part.path("text").asText());
                return s.length() == 0 ? null : s.toString();
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    /** ": the server's message" from {"error": {"message": …}}, {"error": "…"} or {"message": …}, else the body's start. */
    private static String serverMessage(String body) {
        if (body == null || body.isBlank()) return "";
        try {
            JsonNode json = JSON.readTree(body);
            JsonNode m = json.path("error").path("message");
            if (!m.isTextual()) m = json.path("error");
            if (!m.isTextual()) m = json.path("message");
            if (m.isTextual()) return ": " + m.asText();
        } catch (IOException e) {
            // not JSON: show the text
        }
        return ": " + abbreviate(body);
    }

    private static String abbreviate(String text) {
        String t = text.replace('\n', ' ').replace('\r', ' ').strip();
        return t.length() > 300 ? t.substring(0, 300) + "…" : t;
    }

    /** The text with the API key (and, for a URL, credentials) replaced, so that no message can leak it. */
    private String scrub(String text) {
        if (text == null) return null;
        String out = text;
        if (!apiKey.isEmpty()) out = out.replace(apiKey, REDACTED);
        return out;
    }
}
