package io.cloudward.sandbox.estate;

/** What a bucket's policy amounts to: none at all, private, or granting the public. */
public enum BucketPolicy {
    NONE, PRIVATE, PUBLIC
}
