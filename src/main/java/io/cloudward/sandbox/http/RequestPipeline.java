package io.cloudward.sandbox.http;

import io.cloudward.sandbox.faults.FaultRule;
import io.cloudward.sandbox.faults.Faults;
import io.cloudward.sandbox.faults.RateLimiter;
import io.cloudward.sandbox.identity.ActionPatterns;
import io.cloudward.sandbox.identity.Credential;
import io.cloudward.sandbox.identity.Principal;
import io.cloudward.sandbox.identity.SigV4;
import io.cloudward.sandbox.protocol.AwsError;
import io.cloudward.sandbox.protocol.AwsRequest;
import io.cloudward.sandbox.protocol.Protocol;
import io.cloudward.sandbox.protocol.Response;
import io.cloudward.sandbox.protocol.StandardErrors;
import io.cloudward.sandbox.services.AwsService;
import io.cloudward.sandbox.services.Call;
import io.cloudward.sandbox.services.Operation;
import io.cloudward.sandbox.services.ServiceContext;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Takes one request the way AWS does: find the service from the SigV4 credential scope, authenticate
 * (known key, session token, not expired, signature), refuse regions the account has not enabled, find
 * the operation, apply injected faults and rate limits, authorise the IAM action, then answer.
 */
final class RequestPipeline {

    private static final System.Logger LOG = System.getLogger(RequestPipeline.class.getName());
    private static final String LOOKUP_EVENTS = "cloudtrail:LookupEvents";
    private static final Pattern HEX_DIGEST = Pattern.compile("[0-9a-f]{64}");

    private final Map<String, AwsService> services;
    private final ServiceContext context;
    private final Faults faults;
    private final Optional<RateLimiter> lookupEventsLimit;

    RequestPipeline(List<AwsService> services, ServiceContext context, Faults faults,
                    Optional<RateLimiter> lookupEventsLimit) {
        this.services = services.stream().collect(Collectors.toMap(AwsService::signingName, Function.identity()));
        this.context = context;
        this.faults = faults;
        this.lookupEventsLimit = lookupEventsLimit;
    }

    Outcome process(AwsRequest request) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String requestId = new UUID(random.nextLong(), random.nextLong()).toString();
        String authorization = request.header("authorization");
        if (authorization == null) {
            Protocol protocol = guessProtocol(request);
            return answer(protocol, StandardErrors.missingAuthentication(protocol), requestId, null);
        }
        SigV4.Authorization auth;
        try {
            auth = SigV4.parse(authorization);
        } catch (IllegalArgumentException malformed) {
            Protocol protocol = guessProtocol(request);
            return answer(protocol, StandardErrors.incompleteSignature(protocol, malformed.getMessage()), requestId,
                    null);
        }
        AwsService service = services.get(auth.service());
        if (service == null) {
            Protocol protocol = guessProtocol(request);
            return answer(protocol, StandardErrors.unknownOperation(protocol, auth.service()), requestId, null);
        }
        Protocol protocol = service.protocol(request);
        try {
            Principal principal = authenticate(request, auth, protocol);
            if (!regionEnabled(principal, service, auth.region())) {
                throw StandardErrors.unknownAccessKey(protocol);
            }
            Operation operation = service.resolve(request);
            Call call = new Call(request, principal, auth.region(), context.clock().now(), requestId, context);
            return perform(service, operation, call);
        } catch (AwsError error) {
            return answer(protocol, error, requestId, service.xmlNamespace());
        }
    }

    private Outcome perform(AwsService service, Operation operation, Call call) {
        Protocol protocol = operation.protocol();
        long delay = 0;
        for (FaultRule fault : faults.fire(operation.account().apply(call), call.region(), service.signingName(),
                operation.name())) {
            switch (fault.kind()) {
                case LATENCY -> delay += fault.millis();
                case THROTTLE -> {
                    return answer(protocol, StandardErrors.throttled(protocol), call.requestId(),
                            service.xmlNamespace(), delay);
                }
                case SERVER_ERROR -> {
                    return answer(protocol, StandardErrors.serverError(protocol, fault.status()), call.requestId(),
                            service.xmlNamespace(), delay);
                }
                case ACCESS_DENIED -> {
                    return answer(protocol, StandardErrors.accessDenied(protocol, call.principal().arn(),
                            operation.action(), operation.resource().apply(call)), call.requestId(),
                            service.xmlNamespace(), delay);
                }
                case REGION_DISABLED -> {
                    return answer(protocol, StandardErrors.unknownAccessKey(protocol), call.requestId(),
                            service.xmlNamespace(), delay);
                }
                case DROP_CONNECTION -> {
                    return new Outcome.HangUp(delay);
                }
                case TIMEOUT -> {
                    return new Outcome.HangUp(delay + fault.millis());
                }
            }
        }
        if (operation.action().equals(LOOKUP_EVENTS) && lookupEventsLimit.isPresent()
                && !lookupEventsLimit.get().tryAcquire(call.accountId() + "/" + call.region())) {
            return answer(protocol, StandardErrors.throttled(protocol), call.requestId(), null, delay);
        }
        if (!authorised(call.principal(), operation.action())) {
            return answer(protocol, StandardErrors.accessDenied(protocol, call.principal().arn(), operation.action(),
                    operation.resource().apply(call)), call.requestId(), service.xmlNamespace(), delay);
        }
        try {
            Response response = operation.handler().handle(call);
            return new Outcome.Answer(protocol.withRequestId(response, call.requestId()), delay);
        } catch (AwsError error) {
            return answer(protocol, error, call.requestId(), service.xmlNamespace(), delay);
        } catch (RuntimeException bug) {
            LOG.log(Level.ERROR, "sandbox failed on " + operation.action(), bug);
            return answer(protocol, StandardErrors.serverError(protocol, 500), call.requestId(),
                    service.xmlNamespace(), delay);
        }
    }

    private Principal authenticate(AwsRequest request, SigV4.Authorization auth, Protocol protocol) {
        Credential credential = context.credentials().find(auth.accessKeyId())
                .orElseThrow(() -> StandardErrors.unknownAccessKey(protocol));
        if (credential.sessionToken() != null
                && !credential.sessionToken().equals(request.header("x-amz-security-token"))) {
            throw StandardErrors.invalidSessionToken(protocol);
        }
        Instant now = context.clock().now();
        if (credential.expiredAt(now)) {
            throw StandardErrors.expiredToken(protocol);
        }
        String payloadHash = payloadHash(request);
        boolean s3 = protocol == Protocol.S3 || protocol == Protocol.S3_CONTROL;
        try {
            if (!SigV4.verify(auth, credential.secretAccessKey(), request.method(), request.rawPath(),
                    request.rawQuery(), request::headers, payloadHash, s3)) {
                throw StandardErrors.signatureMismatch(protocol);
            }
        } catch (IllegalArgumentException malformed) {
            throw StandardErrors.incompleteSignature(protocol, malformed.getMessage());
        }
        return credential.principal();
    }

    /** The payload hash the signature covers: S3's declared one (checked when it is a digest) or the body's. */
    private static String payloadHash(AwsRequest request) {
        String declared = request.header("x-amz-content-sha256");
        String actual = SigV4.sha256Hex(request.rawBody());
        if (declared == null) {
            return actual;
        }
        if (HEX_DIGEST.matcher(declared).matches() && !declared.equals(actual)) {
            throw new AwsError("XAmzContentSHA256Mismatch", 400,
                    "The provided 'x-amz-content-sha256' header does not match what was computed.");
        }
        return declared;
    }

    /**
     * AWS answers a call in an opt-in region the account has not enabled as if the key were unknown there
     * ({@code InvalidClientTokenId}, {@code UnrecognizedClientException}, EC2 {@code AuthFailure}): credentials
     * are not valid in such a region. Global services do not look at the region.
     */
    private boolean regionEnabled(Principal principal, AwsService service, String region) {
        if (!service.regional() || principal.accountId().equals(context.hub().accountId())) {
            return true;
        }
        return context.estate().regionEnabled(principal.accountId(), region);
    }

    private boolean authorised(Principal principal, String action) {
        if (action.equals("sts:GetCallerIdentity")) {
            return true;
        }
        return principal.assumedRole()
                ? context.estate().role(principal.accountId(), principal.roleName())
                        .filter(role -> role.permits(action)).isPresent()
                : ActionPatterns.allows(context.hub().allowedActions(), action);
    }

    private static Protocol guessProtocol(AwsRequest request) {
        if (request.header("x-amz-target") != null) {
            return Protocol.JSON;
        }
        String path = request.path();
        if (path.startsWith("/detector") || path.startsWith("/backup") || path.startsWith("/resources")) {
            return Protocol.REST_JSON;
        }
        if (path.startsWith("/v20180820/")) {
            return Protocol.S3_CONTROL;
        }
        return request.form().get("Action") != null ? Protocol.QUERY : Protocol.S3;
    }

    private static Outcome answer(Protocol protocol, AwsError error, String requestId, String namespace) {
        return answer(protocol, error, requestId, namespace, 0);
    }

    private static Outcome answer(Protocol protocol, AwsError error, String requestId, String namespace, long delay) {
        return new Outcome.Answer(protocol.error(error, requestId, namespace), delay);
    }
}
