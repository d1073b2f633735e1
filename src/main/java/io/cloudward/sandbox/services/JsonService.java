package io.cloudward.sandbox.services;

import io.cloudward.sandbox.protocol.AwsRequest;
import io.cloudward.sandbox.protocol.Protocol;
import io.cloudward.sandbox.protocol.StandardErrors;
import java.util.HashMap;
import java.util.Map;

/** A JSON 1.1 service: the operation is named in {@code X-Amz-Target: <prefix>.<Operation>}. */
abstract class JsonService implements AwsService {

    private final String targetPrefix;
    private final Map<String, Operation> operations = new HashMap<>();

    JsonService(String targetPrefix) {
        this.targetPrefix = targetPrefix;
    }

    protected final void register(Operation operation) {
        operations.put(operation.name(), operation);
    }

    @Override
    public Protocol protocol(AwsRequest request) {
        return Protocol.JSON;
    }

    @Override
    public Operation resolve(AwsRequest request) {
        String target = request.header("x-amz-target");
        String name = target == null ? "" : target.startsWith(targetPrefix + ".")
                ? target.substring(targetPrefix.length() + 1) : target;
        Operation operation = target == null || !target.startsWith(targetPrefix + ".") ? null : operations.get(name);
        if (operation == null) {
            throw StandardErrors.unknownOperation(Protocol.JSON, name);
        }
        return operation;
    }
}
