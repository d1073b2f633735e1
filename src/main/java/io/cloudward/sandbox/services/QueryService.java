package io.cloudward.sandbox.services;

import io.cloudward.sandbox.protocol.AwsError;
import io.cloudward.sandbox.protocol.AwsRequest;
import io.cloudward.sandbox.protocol.Protocol;
import io.cloudward.sandbox.protocol.StandardErrors;
import java.util.HashMap;
import java.util.Map;

/** A service of the query protocol family (query and EC2): the operation is the {@code Action} parameter. */
abstract class QueryService implements AwsService {

    private final Map<String, Operation> operations = new HashMap<>();

    /** Makes {@code operation} callable; subclasses register theirs in their constructor. */
    protected final void register(Operation operation) {
        operations.put(operation.name(), operation);
    }

    @Override
    public Protocol protocol(AwsRequest request) {
        return Protocol.QUERY;
    }

    @Override
    public Operation resolve(AwsRequest request) {
        String action = request.form().get("Action");
        if (action == null || action.isEmpty()) {
            throw new AwsError("MissingAction", 400, "The request must contain the parameter Action");
        }
        Operation operation = operations.get(action);
        if (operation == null) {
            throw StandardErrors.unknownOperation(protocol(request), action);
        }
        return operation;
    }
}
