package io.cloudward.integrations;

import java.io.IOException;

/** Renders and sends a message in one vendor's format. One bean per {@link DestinationKind}. */
public interface Channel {

    DestinationKind kind();

    /**
     * Sends the message; a ticketing channel may make several calls (find the ticket, create, comment,
     * transition). Returns the last answer; a non-2xx answer ends the attempt there.
     */
    OutboundHttp.Reply send(Outgoing message) throws IOException;
}
