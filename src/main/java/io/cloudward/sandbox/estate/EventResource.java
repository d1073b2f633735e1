package io.cloudward.sandbox.estate;

/** A resource an event touched, e.g. {@code AWS::CloudTrail::Trail} {@code main}. */
public record EventResource(String type, String name) {
}
