package org.liqlens.confluence;

/** A prompt template that cannot be used; the message names the placeholder and, from a file, the file and line. */
public final class PromptTemplateException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String placeholder;
    private final int line;

    PromptTemplateException(String message, String placeholder, int line) {
        super(message);
        this.placeholder = placeholder;
        this.line = line;
    }

    /** The placeholder at fault, without braces. */
    public String placeholder() { return placeholder; }

    /** Its line, from 1; 0 when the fault is not at one place (a value missing at render time). */
    public int line() { return line; }
}
