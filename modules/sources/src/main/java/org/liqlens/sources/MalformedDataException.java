package org.liqlens.sources;

/**
 * A data file holds a row that cannot be imported. The message has the compiler-style form
 * {@code "<file>:<line>: <problem>"} so that a user can open the file at the offending line.
 */
public class MalformedDataException extends SourceException {
    private static final long serialVersionUID = 1L;

    private final String fileName;
    private final long lineNumber;
    private final String problem;

    public MalformedDataException(String fileName, long lineNumber, String problem) {
        this(fileName, lineNumber, problem, null);
    }

    public MalformedDataException(String fileName, long lineNumber, String problem, Throwable cause) {
        super(fileName + ":" + lineNumber + ": " + problem, cause);
        this.fileName = fileName;
        this.lineNumber = lineNumber;
        this.problem = problem;
    }

    public String fileName() { return fileName; }

    /** 1-based; a header row is line 1. */
    public long lineNumber() { return lineNumber; }

    public String problem() { return problem; }
}
