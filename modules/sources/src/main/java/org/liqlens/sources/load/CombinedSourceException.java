package org.liqlens.sources.load;

import java.util.List;
import org.liqlens.sources.SourceException;

/**
 * One or more exchanges of {@code all} could not be estimated, so neither can the sum: a sum with an exchange
 * silently missing would understate every bucket. The message names each failed exchange with its reason,
 * on one line, and says how to leave the failed ones out ({@code all:binance,okx}).
 */
public final class CombinedSourceException extends SourceException {
    private static final long serialVersionUID = 1L;

    /**
     * @param exchangeId  the exchange's source id
     * @param displayName the exchange source's name
     * @param reason      what went wrong, written for a person
     */
    public record Failure(String exchangeId, String displayName, String reason) { }

    private final transient List<Failure> failures;

    CombinedSourceException(String message, List<Failure> failures, Throwable firstCause) {
        super(message, firstCause);
        this.failures = List.copyOf(failures);
    }

    /** The exchanges that failed, in the order of the combined source's members. */
    public List<Failure> failures() {
        return failures;
    }
}
