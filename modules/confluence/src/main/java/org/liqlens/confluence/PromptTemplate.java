package org.liqlens.confluence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text sent with the pictures and tables: Markdown with {@code {name}} placeholders. Only a brace pair
 * around a name of letters, digits and '_' (starting with a letter) is a placeholder; any other brace is text.
 * Every placeholder must be one of {@link Placeholder}: an unknown one is refused with its name, and the file
 * and line when the template comes from a file, so a typo never reaches the assistant as literal text.
 */
public final class PromptTemplate {

    /**
     * The placeholders a template may use. A new one is one more constant here; its value is given to
     * {@link #render} by whoever computes it (for a bundle, {@code BundleWriter}).
     */
    public enum Placeholder {
        SYMBOL("symbol"), AS_OF("asOf"), PRICE("price"), PANES("panes"), IMAGES("images"), ZONES_TABLE("zonesTable"),
        CONFLUENCE_TABLE("confluenceTable"), SUMMARY("summary"), SCORECARD("scorecard");

        private final String key;

        Placeholder(String key) { this.key = key; }

        /** The name inside the braces. */
        public String key() { return key; }
    }

    /** Where the default template is, on the class path. */
    static final String DEFAULT_RESOURCE = "default-prompt.md";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");

    private final String text;
    private final String origin;
    private final Set<String> used;

    private PromptTemplate(String text, String origin, Set<String> used) {
        this.text = text;
        this.origin = origin;
        this.used = used;
    }

    /** The names a template may use: the keys of {@link Placeholder}. */
    public static Set<String> knownNames() {
        Set<String> names = new LinkedHashSet<>();
        for (Placeholder p : Placeholder.values()) names.add(p.key());
        return names;
    }

    /** LiqLens's own template (a class-path resource of this module). */
    public static PromptTemplate defaultTemplate() {
        try (InputStream in = PromptTemplate.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) throw new IllegalStateException("the default prompt template " + DEFAULT_RESOURCE + " is missing from the module");
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "the default prompt template");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the default prompt template: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a UTF-8 template file and checks its placeholders.
     *
     * @throws IOException               when the file cannot be read or is not UTF-8 (the message names it)
     * @throws PromptTemplateException   naming the file, line and placeholder of the first unknown placeholder
     */
    public static PromptTemplate load(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IOException("cannot read the prompt template " + file + ": " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()), e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException("the prompt template " + file + " is not UTF-8 text", e);
        }
        return parse(text, file.toString());
    }

    /**
     * Checks a template's placeholders.
     *
     * @param origin a file name, for messages {@code FILE:LINE: …}; or a description such as "the default
     *               prompt template"
     * @throws PromptTemplateException at the first unknown placeholder
     */
    public static PromptTemplate parse(String text, String origin) {
        Objects.requireNonNull(text);
        Set<String> known = knownNames();
        Set<String> used = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            if (!known.contains(name)) {
                int line = 1;
                for (int i = 0; i < m.start(); i++) if (text.charAt(i) == '\n') line++;
                throw new PromptTemplateException(origin + ":" + line + ": unknown placeholder {" + name + "} (known: {"
                        + String.join("}, {", known) + "})", name, line);
            }
            used.add(name);
        }
        return new PromptTemplate(text, origin, used);
    }

    /** Where the template came from: its file, or a description. */
    public String origin() { return origin; }
    /** The placeholders it uses, in order of first use. */
    public Set<String> placeholders() { return used; }
    public String text() { return text; }

    /**
     * The text with every placeholder replaced by its value (inserted as is: a value's own braces are not
     * placeholders).
     *
     * @throws PromptTemplateException when a placeholder the template uses has no value
     */
    public String render(Map<String, String> values) {
        List<String> missing = new ArrayList<>();
        for (String name : used) if (!values.containsKey(name)) missing.add(name);
        if (!missing.isEmpty()) {
            throw new PromptTemplateException(origin + ": no value for {" + String.join("}, {", new TreeSet<>(missing)) + "}",
                    missing.get(0), 0);
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 4096);
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(values.get(m.group(1))));
        m.appendTail(out);
        return out.toString();
    }
}
