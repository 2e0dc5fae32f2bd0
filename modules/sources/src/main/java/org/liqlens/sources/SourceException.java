package org.liqlens.sources;

/**
 * Market data could not be obtained: an exchange refused or kept failing a request, a payload broke its
 * contract, or a file held a bad row. The message is written for a person: it names the request (without
 * secrets) or the file and line, and quotes the exchange's own error text when there is one.
 */
public class SourceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String url;
    private final int httpStatus;
    private final String exchangeCode;
    private final String exchangeMessage;

    public SourceException(String message) {
        this(message, null, 0, null, null, null);
    }

    public SourceException(String message, Throwable cause) {
        this(message, null, 0, null, null, cause);
    }

    public SourceException(String message, String url, int httpStatus, String exchangeCode, String exchangeMessage,
                           Throwable cause) {
        super(message, cause);
        this.url = url;
        this.httpStatus = httpStatus;
        this.exchangeCode = exchangeCode;
        this.exchangeMessage = exchangeMessage;
    }

    /** The request URL with any credentials removed, or {@code null} when no request was involved. */
    public String url() { return url; }

    /** The last HTTP status seen, or 0. */
    public int httpStatus() { return httpStatus; }

    /** The exchange's error code (Binance {@code code}, Bybit {@code retCode}, OKX {@code code}), or {@code null}. */
    public String exchangeCode() { return exchangeCode; }

    /** The exchange's error text (Binance/OKX {@code msg}, Bybit {@code retMsg}), or {@code null}. */
    public String exchangeMessage() { return exchangeMessage; }
}
