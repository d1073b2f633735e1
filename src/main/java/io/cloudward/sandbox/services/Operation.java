package io.cloudward.sandbox.services;

import io.cloudward.sandbox.protocol.Protocol;
import io.cloudward.sandbox.protocol.Response;
import java.util.function.Function;

/**
 * An operation of a simulated service: its name, the IAM action a caller needs, the protocol its answers
 * use, the resource named when access is denied, the account a fault rule matches it against, and the
 * code that answers it.
 */
public record Operation(String service, String name, String action, Protocol protocol,
                        Function<Call, String> resource, Function<Call, String> account, Handler handler) {

    /** Answers one call (or throws an {@link io.cloudward.sandbox.protocol.AwsError}). */
    @FunctionalInterface
    public interface Handler {
        Response handle(Call call);
    }

    public static Operation of(String service, String name, Protocol protocol, Handler handler) {
        return new Operation(service, name, service + ":" + name, protocol, call -> "*", Call::accountId, handler);
    }

    /** The same operation authorised by another IAM action (S3's ListBuckets needs s3:ListAllMyBuckets). */
    public Operation action(String iamAction) {
        return new Operation(service, name, iamAction, protocol, resource, account, handler);
    }

    public Operation on(Function<Call, String> resourceOfCall) {
        return new Operation(service, name, action, protocol, resourceOfCall, account, handler);
    }

    public Operation inAccount(Function<Call, String> accountOfCall) {
        return new Operation(service, name, action, protocol, resource, accountOfCall, handler);
    }
}
