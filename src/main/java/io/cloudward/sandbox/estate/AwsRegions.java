package io.cloudward.sandbox.estate;

import java.util.List;
import java.util.stream.Stream;

/** The commercial AWS regions: those every account has, and those an account must opt in to. */
public final class AwsRegions {

    /** The seventeen regions enabled in every account. */
    public static final List<String> ENABLED_BY_DEFAULT = List.of(
            "us-east-1", "us-east-2", "us-west-1", "us-west-2",
            "ca-central-1", "sa-east-1",
            "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1", "eu-north-1",
            "ap-south-1", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-southeast-1", "ap-southeast-2");

    /** Regions an account has to enable before it can use them. */
    public static final List<String> OPT_IN = List.of(
            "af-south-1", "ap-east-1", "ap-south-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5",
            "ap-southeast-7", "ca-west-1", "eu-central-2", "eu-south-1", "eu-south-2", "il-central-1",
            "me-central-1", "me-south-1", "mx-central-1");

    public static final List<String> ALL = Stream.concat(ENABLED_BY_DEFAULT.stream(), OPT_IN.stream()).toList();

    private AwsRegions() {
    }

    public static boolean exists(String region) {
        return ALL.contains(region);
    }

    public static boolean isOptIn(String region) {
        return OPT_IN.contains(region);
    }
}
