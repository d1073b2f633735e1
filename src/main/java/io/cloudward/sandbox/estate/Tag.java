package io.cloudward.sandbox.estate;

/** A resource tag. */
public record Tag(String key, String value) {
}
