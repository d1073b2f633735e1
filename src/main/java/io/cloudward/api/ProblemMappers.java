package io.cloudward.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.cloudward.web.ErrorPages;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/**
 * Turns every failure into a problem document for the API and into a page with a human sentence for
 * the browser. Unexpected errors are logged in full and answered without internals.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final ErrorPages pages;

    public ProblemMappers(ErrorPages pages) {
        this.pages = pages;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri, HttpHeaders headers) {
        Response.ResponseBuilder response = render(e, uri, headers);
        e.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri, HttpHeaders headers) {
        List<Problem.FieldError> fields = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(java.util.Comparator.comparing(Problem.FieldError::field)).toList();
        return problem(ProblemException.invalid("The request has invalid fields.", fields), uri, headers);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri, HttpHeaders headers) {
        return problem(new ProblemException(Response.Status.BAD_REQUEST, "malformed-body", "Malformed request body",
                "The request body is not valid JSON for this endpoint: " + e.getOriginalMessage()), uri, headers);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        int status = e.getResponse().getStatus();
        if (status == 401 || e.getResponse().getLocation() != null) {
            return e.getResponse();
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String slug = known == null ? "http-" + status : known.name().toLowerCase().replace('_', '-');
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        String detail = status == 404 ? "There is nothing at this address." : title + ".";
        if (status == 415) {
            detail = "This endpoint accepts application/json.";
        } else if (status == 405) {
            detail = "This endpoint does not support that HTTP method.";
        }
        Response.Status st = known == null ? Response.Status.INTERNAL_SERVER_ERROR : known;
        return problem(new ProblemException(st, slug, title, detail), uri, headers);
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Exception e, UriInfo uri, HttpHeaders headers) {
        LOG.errorf(e, "unexpected error on %s", uri.getPath());
        return problem(new ProblemException(Response.Status.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "Something went wrong on our side. It has been logged; please try again."), uri, headers);
    }

    private Response.ResponseBuilder render(ProblemException e, UriInfo uri, HttpHeaders headers) {
        String path = uri.getPath();
        if (path.startsWith("/api/") || !acceptsHtml(headers)) {
            return Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(e.toProblem(path));
        }
        return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(pages.render(e.status().getStatusCode(), e.title(), e.getMessage()));
    }

    private static boolean acceptsHtml(HttpHeaders headers) {
        return headers.getAcceptableMediaTypes().stream().anyMatch(m -> m.isCompatible(MediaType.TEXT_HTML_TYPE) && !m.isWildcardType());
    }

    /** "create.arg1.roleArn" → "roleArn": users see the field they sent, not the method's parameter path. */
    private static String field(String path) {
        String[] parts = path.split("\\.");
        return parts.length <= 2 ? parts[parts.length - 1] : String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length));
    }
}
