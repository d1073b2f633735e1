package io.cloudward.sandbox.http;

import io.cloudward.sandbox.protocol.Response;

/** What the server does with a request: answer (possibly late) or hang up without answering. */
sealed interface Outcome {

    /** Send {@code response} after {@code delayMillis}. */
    record Answer(Response response, long delayMillis) implements Outcome {
    }

    /** Close the connection after {@code afterMillis}, never answering. */
    record HangUp(long afterMillis) implements Outcome {
    }
}
