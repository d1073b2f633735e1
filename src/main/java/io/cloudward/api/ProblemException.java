package io.cloudward.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.Response.StatusType;

import java.util.List;
import java.util.Map;

/** Thrown anywhere to answer with a problem document; pages show its detail as a sentence. */
public class ProblemException extends RuntimeException {
    /** 422: the request is well formed but cannot be acted on (JAX-RS 3.1 has no constant for it). */
    public static final StatusType UNPROCESSABLE = new StatusType() {
        @Override
        public int getStatusCode() {
            return 422;
        }

        @Override
        public Response.Status.Family getFamily() {
            return Response.Status.Family.CLIENT_ERROR;
        }

        @Override
        public String getReasonPhrase() {
            return "Unprocessable Content";
        }
    };

    /** 428: the request must be conditional ({@code If-Match}) and was not (RFC 6585). */
    public static final StatusType PRECONDITION_REQUIRED = new StatusType() {
        @Override
        public int getStatusCode() {
            return 428;
        }

        @Override
        public Response.Status.Family getFamily() {
            return Response.Status.Family.CLIENT_ERROR;
        }

        @Override
        public String getReasonPhrase() {
            return "Precondition Required";
        }
    };

    private final StatusType status;
    private final String slug;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final Map<String, String> headers;

    public ProblemException(StatusType status, String slug, String title, String detail, List<Problem.FieldError> errors,
                            Map<String, String> headers) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public ProblemException(StatusType status, String slug, String title, String detail) {
        this(status, slug, title, detail, List.of(), Map.of());
    }

    /** Also what a member of another tenant gets: no hint that the thing exists. */
    public static ProblemException notFound(String what) {
        return new ProblemException(Status.NOT_FOUND, "not-found", "Not found", what + " was not found.");
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Status.FORBIDDEN, "forbidden", "Not allowed", detail);
    }

    public static ProblemException invalid(String detail, List<Problem.FieldError> errors) {
        return new ProblemException(Status.BAD_REQUEST, "validation", "Invalid request", detail, errors, Map.of());
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(message, List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(Status.CONFLICT, slug, "Conflict", detail);
    }

    public StatusType status() {
        return status;
    }

    public String type() {
        return Problem.TYPE_BASE + slug;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public Problem toProblem(String instance) {
        return new Problem(type(), title, status.getStatusCode(), getMessage(), instance, errors);
    }
}
