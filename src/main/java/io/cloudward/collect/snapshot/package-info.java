/**
 * Snapshot records: the plain, immutable facts a collector gathers from AWS API responses, free of SDK types.
 *
 * <p>Every component is required; facts AWS may omit are {@code Optional} or empty lists, and "not enabled" is
 * a value (for example {@code DetectorFacts.absent(region)}), never null. Constructors copy lists and reject
 * missing or blank facts with a sentence naming them, so a record that exists is complete. Each component's
 * Javadoc names the API field it comes from.
 */
package io.cloudward.collect.snapshot;
