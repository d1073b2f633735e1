package io.cloudward.sandbox.services;

import io.cloudward.sandbox.estate.Bucket;
import io.cloudward.sandbox.estate.BucketPolicy;
import io.cloudward.sandbox.estate.PublicAccessBlock;
import io.cloudward.sandbox.estate.Rng;
import io.cloudward.sandbox.estate.S3Account;
import io.cloudward.sandbox.protocol.AwsError;
import io.cloudward.sandbox.protocol.AwsRequest;
import io.cloudward.sandbox.protocol.PageToken;
import io.cloudward.sandbox.protocol.Protocol;
import io.cloudward.sandbox.protocol.QueryParams;
import io.cloudward.sandbox.protocol.Response;
import io.cloudward.sandbox.protocol.StandardErrors;
import io.cloudward.sandbox.protocol.XmlWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * S3 (path-style) and S3 Control, which signs as {@code s3} too and is told apart by its
 * {@code /v20180820/} path: ListBuckets, GetBucketLocation, GetBucketPolicyStatus, the bucket's and the
 * account's Block Public Access. A bucket call signed for another region than the bucket's is refused
 * with {@code AuthorizationHeaderMalformed}, as S3 does.
 */
public final class S3Service implements AwsService {

    static final String NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";
    static final String CONTROL_NAMESPACE = "http://awss3control.amazonaws.com/doc/2018-08-20/";
    private static final String CONTROL_PREFIX = "/v20180820/";

    private final Operation listBuckets = Operation.of("s3", "ListBuckets", Protocol.S3, this::listBuckets)
            .action("s3:ListAllMyBuckets");
    private final Operation getBucketLocation = Operation.of("s3", "GetBucketLocation", Protocol.S3,
            this::getBucketLocation).on(S3Service::bucketArn);
    private final Operation getBucketPolicyStatus = Operation.of("s3", "GetBucketPolicyStatus", Protocol.S3,
            this::getBucketPolicyStatus).on(S3Service::bucketArn);
    private final Operation getPublicAccessBlock = Operation.of("s3", "GetPublicAccessBlock", Protocol.S3,
            this::getBucketPublicAccessBlock).action("s3:GetBucketPublicAccessBlock").on(S3Service::bucketArn);
    private final Operation getAccountPublicAccessBlock = Operation.of("s3", "GetPublicAccessBlock",
            Protocol.S3_CONTROL, this::getAccountPublicAccessBlock).action("s3:GetAccountPublicAccessBlock");

    @Override
    public String signingName() {
        return "s3";
    }

    @Override
    public Protocol protocol(AwsRequest request) {
        return request.rawPath().startsWith(CONTROL_PREFIX) ? Protocol.S3_CONTROL : Protocol.S3;
    }

    /** S3 has no opt-in answer of its own here: a bucket call is checked against the bucket's region. */
    @Override
    public boolean regional() {
        return false;
    }

    @Override
    public Operation resolve(AwsRequest request) {
        String path = request.path();
        if (path.startsWith(CONTROL_PREFIX)) {
            if (request.method().equals("GET") && path.equals(CONTROL_PREFIX + "configuration/publicAccessBlock")) {
                return getAccountPublicAccessBlock;
            }
            throw StandardErrors.unknownOperation(Protocol.S3_CONTROL, path);
        }
        String bucket = bucketName(path);
        if (request.method().equals("GET") && bucket.isEmpty()) {
            return listBuckets;
        }
        if (request.method().equals("GET") && !bucket.isEmpty() && bucket.indexOf('/') < 0) {
            if (request.hasQueryKey("policyStatus")) {
                return getBucketPolicyStatus;
            }
            if (request.hasQueryKey("publicAccessBlock")) {
                return getPublicAccessBlock;
            }
            if (request.hasQueryKey("location")) {
                return getBucketLocation;
            }
        }
        throw StandardErrors.unknownOperation(Protocol.S3, request.method() + " " + path);
    }

    private Response listBuckets(Call call) {
        QueryParams params = call.request().query();
        S3Account s3 = call.account().s3();
        String prefix = params.get("prefix");
        String region = params.get("bucket-region");
        List<Bucket> buckets = s3.buckets().stream()
                .filter(bucket -> prefix == null || bucket.name().startsWith(prefix))
                .filter(bucket -> region == null || bucket.region().equals(region))
                .sorted(Comparator.comparing(Bucket::name))
                .toList();
        Integer max = params.integer("max-buckets", "InvalidArgument");
        if (max != null && (max < 1 || max > 10000)) {
            throw new AwsError("InvalidArgument", 400, "Argument max-buckets must be an integer between 1 and 10000.",
                    Map.of("ArgumentName", "max-buckets"));
        }
        PageToken.Page<Bucket> page = PageToken.page(buckets, params.get("continuation-token"),
                max == null ? 10000 : max, call.accountId() + prefix + region,
                () -> new AwsError("InvalidArgument", 400, "The continuation token provided is incorrect",
                        Map.of("ArgumentName", "continuation-token")));
        boolean withRegion = max != null || prefix != null || region != null || params.get("continuation-token") != null;
        XmlWriter xml = XmlWriter.document("ListAllMyBucketsResult", NAMESPACE)
                .start("Owner").element("DisplayName", call.account().name()).element("ID", canonicalId(call)).end()
                .list("Buckets", "Bucket", page.items(), (item, bucket) -> item
                        .element("Name", bucket.name())
                        .element("CreationDate", bucket.created())
                        .element("BucketRegion", withRegion ? bucket.region() : null));
        xml.element("ContinuationToken", page.nextToken()).element("Prefix", prefix);
        return Response.of(200, "application/xml", xml.finish());
    }

    private Response getBucketLocation(Call call) {
        Bucket bucket = bucket(call, false);
        String location = bucket.region().equals("us-east-1") ? "" : bucket.region();
        return Response.of(200, "application/xml",
                XmlWriter.document("LocationConstraint", NAMESPACE).text(location).finish());
    }

    private Response getBucketPolicyStatus(Call call) {
        Bucket bucket = bucket(call, true);
        if (bucket.policy() == BucketPolicy.NONE) {
            throw new AwsError("NoSuchBucketPolicy", 404, "The bucket policy does not exist",
                    Map.of("BucketName", bucket.name()));
        }
        boolean isPublic = bucket.policyIsPublic(call.account().s3().accountPublicAccessBlock());
        return Response.of(200, "application/xml", XmlWriter.document("PolicyStatus", NAMESPACE)
                .element("IsPublic", isPublic).finish());
    }

    private Response getBucketPublicAccessBlock(Call call) {
        Bucket bucket = bucket(call, true);
        if (bucket.publicAccessBlock() == null) {
            throw new AwsError("NoSuchPublicAccessBlockConfiguration", 404,
                    "The public access block configuration was not found", Map.of("BucketName", bucket.name()));
        }
        return Response.of(200, "application/xml",
                publicAccessBlock(XmlWriter.document("PublicAccessBlockConfiguration", NAMESPACE),
                        bucket.publicAccessBlock()).finish());
    }

    private Response getAccountPublicAccessBlock(Call call) {
        String accountId = call.request().header("x-amz-account-id");
        if (accountId == null || accountId.isEmpty()) {
            throw new AwsError("InvalidRequest", 400, "Missing required header for this request: x-amz-account-id");
        }
        if (!accountId.equals(call.accountId())) {
            throw StandardErrors.accessDenied(Protocol.S3_CONTROL, call.principal().arn(),
                    "s3:GetAccountPublicAccessBlock", "arn:aws:s3:::" + accountId);
        }
        PublicAccessBlock block = call.account().s3().accountPublicAccessBlock();
        if (block == null) {
            throw new AwsError("NoSuchPublicAccessBlockConfiguration", 404,
                    "The public access block configuration was not found", Map.of("AccountId", accountId));
        }
        return Response.of(200, "application/xml",
                publicAccessBlock(XmlWriter.document("PublicAccessBlockConfiguration", CONTROL_NAMESPACE), block)
                        .finish());
    }

    private static XmlWriter publicAccessBlock(XmlWriter xml, PublicAccessBlock block) {
        return xml.element("BlockPublicAcls", block.blockPublicAcls())
                .element("IgnorePublicAcls", block.ignorePublicAcls())
                .element("BlockPublicPolicy", block.blockPublicPolicy())
                .element("RestrictPublicBuckets", block.restrictPublicBuckets());
    }

    /** The caller's bucket named in the path; {@code regional} calls must be signed for its region. */
    private static Bucket bucket(Call call, boolean regional) {
        String name = bucketName(call.request().path());
        Bucket bucket = call.account().s3().buckets().stream().filter(b -> b.name().equals(name)).findFirst()
                .orElseThrow(() -> new AwsError("NoSuchBucket", 404, "The specified bucket does not exist",
                        Map.of("BucketName", name)));
        if (regional && !bucket.region().equals(call.region())) {
            throw new AwsError("AuthorizationHeaderMalformed", 400, "The authorization header is malformed; the region '"
                    + call.region() + "' is wrong; expecting '" + bucket.region() + "'",
                    Map.of("Region", bucket.region()));
        }
        return bucket;
    }

    private static String bucketArn(Call call) {
        return "arn:aws:s3:::" + bucketName(call.request().path());
    }

    private static String bucketName(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    private static String canonicalId(Call call) {
        return Rng.of(4, call.accountId()).hex(64);
    }
}
