package io.cloudward.api;

import java.util.List;

/**
 * One page of a list: the items and, when there are more, the opaque cursor of the next page (also
 * sent as a {@code Link: <…>; rel="next"} header).
 */
public record Page<T>(List<T> items, String nextCursor) {
}
