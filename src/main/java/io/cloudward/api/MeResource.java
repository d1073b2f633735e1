package io.cloudward.api;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who the caller is, as the API sees them. */
@Path("/api/v1/me")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    public record Me(String subject, String username, String email, String name) {
    }

    private final JsonWebToken token;

    public MeResource(JsonWebToken token) {
        this.token = token;
    }

    @GET
    public Me me() {
        return new Me(token.getSubject(), token.<String>claim("preferred_username").orElse(null),
                token.<String>claim("email").orElse(null), token.<String>claim("name").orElse(null));
    }
}
