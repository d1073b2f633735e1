package io.cloudward.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/** Reads one field of the urlencoded form that Quarkus REST has already parsed (the filter asked for the body). */
final class FormField {
    private FormField() {
    }

    static String read(ContainerRequestContext request, String name) {
        if (request instanceof ResteasyReactiveContainerRequestContext reactive
                && reactive.getServerRequestContext() instanceof ResteasyReactiveRequestContext context) {
            Object value = context.getFormParameter(name, true, false);
            return value == null ? null : value.toString();
        }
        return null;
    }
}
