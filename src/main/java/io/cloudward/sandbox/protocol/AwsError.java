package io.cloudward.sandbox.protocol;

import java.util.Map;

/**
 * An error answered the way the service answers it: the code the SDK maps to its exception type, the
 * HTTP status and the message. Extra elements (S3's {@code BucketName}, {@code Region}) go into the body.
 */
public final class AwsError extends RuntimeException {

    private final String code;
    private final int status;
    private final boolean senderFault;
    private final Map<String, String> extra;

    public AwsError(String code, int status, String message) {
        this(code, status, message, Map.of());
    }

    public AwsError(String code, int status, String message, Map<String, String> extra) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
        this.senderFault = status < 500;
        this.extra = Map.copyOf(extra);
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    /** Query services say whether the caller ({@code Sender}) or the service ({@code Receiver}) failed. */
    public boolean senderFault() {
        return senderFault;
    }

    public Map<String, String> extra() {
        return extra;
    }
}
